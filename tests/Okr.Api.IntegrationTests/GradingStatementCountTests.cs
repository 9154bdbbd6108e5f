using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Periods;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;
using Xunit.Abstractions;

namespace Okr.Api.IntegrationTests;

/// <summary>
/// Regrading the closed ancestors of an objective whose grade was overridden reads what it needs in a fixed number of
/// statements: under four closed ancestors it reads what it reads under one (the grader used to read each ancestor's
/// subtree on its own). What it writes follows the rows that change, one per regraded ancestor (its grade, its lock and
/// its maintained progress, ADR 0013), as every write does.
/// </summary>
[Collection(ApiTests.Name)]
public sealed class GradingStatementCountTests(ApiFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Overriding_a_grade_under_four_closed_ancestors_reads_what_it_reads_under_one(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var one = await OverrideUnderAsync(host, ancestors: 1);
        var four = await OverrideUnderAsync(host, ancestors: 4);

        static List<string> Reads(IReadOnlyList<string> statements) =>
            statements.Where(s => s.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).ToList();
        output.WriteLine($"{provider}: {Reads(one).Count} reads ({one.Count} statements) under 1 closed ancestor, {Reads(four).Count} reads ({four.Count}) under 4");
        foreach (var statement in four)
            output.WriteLine(statement.Split('\n')[0]);
        Reads(four).Should().HaveCount(Reads(one).Count);
        Reads(four).Should().HaveCountGreaterThanOrEqualTo(6,
            "the count is real: the override reads the caller, the objective, the alignments, the ancestors, their periods and what lies below them");
    }

    /// <summary>
    /// A closed period with a chain: the bottom objective (its key result at 0) contributes to the first ancestor, that one
    /// to the next, and so on, each closed with a key result at 0. Overriding the bottom's grade to 1 moves every
    /// ancestor's grade: 0.5, 0.25, … Answers the statements of the override.
    /// </summary>
    private static async Task<IReadOnlyList<string>> OverrideUnderAsync(OkrApiFactory host, int ancestors)
    {
        var client = await host.NewUserAsync();
        var created = await (await client.PostAsJsonAsync("/api/organizations", new { name = $"Chain of {ancestors}" }))
            .ReadAsync<OrganizationCreatedResponse>();
        var now = host.Clock.UtcNow;
        var chain = await host.WithDbAsync(async db =>
        {
            var period = new Period(created.OrganizationId, "Last quarter", PeriodKind.Quarter, new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30));
            period.MoveTo(PeriodState.Active);
            db.Periods.Add(period);
            var objectives = new List<Objective>();
            var edges = new List<(Guid, Guid)>();
            for (var i = 0; i <= ancestors; i++)
            {
                var objective = new Objective(created.OrganizationId, period,
                    new ObjectiveDetails($"Level {i}", created.CompanyUnitId, ObjectiveType.Committed, OwnerId: created.PersonId), now.AddDays(-200));
                objective.AddKeyResult(new KeyResultDetails($"Key result {i}", created.CompanyUnitId, new Measure(MetricKind.Number, Direction.Increase, 0, 100),
                    created.PersonId, BaselineMethod: "Counted"), period);
                objective.Activate(period, now.AddDays(-199));
                if (objectives.Count > 0)
                {
                    db.Alignments.Add(Alignment.Create(objectives[^1], objective, null, AlignmentKind.Contributes, 1, edges, now.AddDays(-198)));
                    edges.Add((objectives[^1].Id, objective.Id));
                }
                objectives.Add(objective);
                db.Objectives.Add(objective);
            }
            foreach (var objective in objectives)
            {
                foreach (var keyResult in objective.KeyResults) keyResult.GradeAtClose();
                objective.Close(0, now.AddDays(-150));
            }
            period.MoveTo(PeriodState.Review);
            period.MoveTo(PeriodState.Closed);
            await db.SaveChangesAsync();
            return objectives.Select(o => o.Id).ToList();
        }, created.OrganizationId);

        var tag = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/objectives/{chain[0]}/grade")
        {
            Content = JsonContent.Create(new { grade = 1.0, reason = "The leads were answered by phone." }),
        };
        request.Headers.Add(SqlStatementCounter.Header, tag);
        (await client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);
        var statements = SqlStatementCounter.Take(tag);

        var grades = await host.WithDbAsync(db => db.Objectives.Where(o => chain.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Grade),
            created.OrganizationId);
        // Each ancestor: the mean of its own key result (0) and its child's final grade, rounded as grades are.
        var expected = new List<double?>();
        var below = 1.0;
        for (var level = 1; level <= ancestors; level++)
            expected.Add(below = Okr.Domain.Computations.Grading.Round(below / 2));
        chain.Skip(1).Select(id => grades[id]).Should().Equal(expected, "every closed ancestor of the period follows the override");
        return statements;
    }

    private sealed record OrganizationCreatedResponse(Guid OrganizationId, Guid PersonId, Guid CompanyUnitId);
}
