using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Organizations;
using Okr.Domain.Periods;
using Okr.Domain.Units;
using Okr.Domain.Work;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;
using Xunit.Abstractions;

namespace Okr.Api.IntegrationTests.GraphQL;

/// <summary>
/// No N+1: a request costs a fixed number of SQL statements however large the tree. Two organisations with the same
/// shape of OKRs, one with 10 objectives and one with 1,000, answer the same deep query with the same statements.
/// </summary>
[Collection(GraphQLAndFuzzApiTests.Name)]
public sealed class StatementCountTests(ApiFixture fixture, ITestOutputHelper output)
{
    /// <summary>Every nested list and reference of the schema that a tree reaches.</summary>
    private const string Everything = """
        query Everything($periodId: ID!) {
          okrTree(periodId: $periodId) {
            progress
            units {
              name progress progressWithDescendants
              unit { members { role person { displayName } } parent { name } }
              objectives {
                title progress status owner { displayName } focusArea { title } period { name }
                comments { text author { displayName } }
                raci { role person { displayName } }
                history(first: 5) { nodes { kind actor { displayName } changes { field } } }
                children { kind weight child { title progress } }
                parents { kind parent { title } parentKeyResult { title } }
                keyResults {
                  title progress status forecast { projectedProgress trendingToMiss }
                  owner { displayName } owningUnit { name }
                  checkIns { value confidence narrative author { displayName } }
                  initiatives { title status owner { displayName } keyResults { title } }
                  kpis { name values { date value healthy } }
                  annotations { date text author { displayName } }
                  comments { text author { displayName } }
                }
              }
            }
          }
        }
        """;

    /// <summary>My week's read: the caller's key results with what the page shows of them and their objectives.</summary>
    private const string MyWeek = """
        query MyWeek($periodId: ID!) {
          organization { settings { checkInCadenceDays } }
          myKeyResults(periodId: $periodId) {
            evaluatedAt expectedProgress period { name }
            keyResults {
              title progress status checkInDue lastCheckInAt owner { displayName } owningUnit { name }
              latestCheckIn { effectiveDate narrative }
              objective { id title state owningUnit { name } }
            }
          }
        }
        """;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_tree_of_1000_objectives_costs_the_same_SQL_statements_as_a_tree_of_10(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var small = await SeedAsync(host, objectives: 10);
        var large = await SeedAsync(host, objectives: 1000);

        var smallStatements = await CountAsync(small.Client, small.PeriodId, expectedObjectives: 10);
        var largeStatements = await CountAsync(large.Client, large.PeriodId, expectedObjectives: 1000);

        output.WriteLine($"{provider}: {smallStatements.Count} statements for 10 objectives, {largeStatements.Count} for 1,000");
        foreach (var statement in largeStatements)
            output.WriteLine(statement.Split('\n')[0]);
        largeStatements.Count.Should().Be(smallStatements.Count);
        largeStatements.Count.Should().BeLessThanOrEqualTo(30, "every list is batched: a handful of statements per kind of row");
        largeStatements.Count.Should().BeGreaterThanOrEqualTo(10,
            "the count is real: the tree reads at least the organisation, units, periods, objectives, key results and check-ins, and the nested lists");

        // My week's query reads the same snapshot: the key results the caller owns (all of them here) and their objectives.
        var smallWeek = await CountMyWeekAsync(small.Client, small.PeriodId, expectedKeyResults: 30);
        var largeWeek = await CountMyWeekAsync(large.Client, large.PeriodId, expectedKeyResults: 3000);
        output.WriteLine($"{provider}: My week costs {smallWeek.Count} statements for 30 key results, {largeWeek.Count} for 3,000");
        foreach (var statement in largeWeek)
            output.WriteLine(statement.Split('\n')[0]);
        largeWeek.Count.Should().Be(smallWeek.Count);
        largeWeek.Where(s => s.Contains("FROM \"OrgUnits\"", StringComparison.Ordinal)).Should().OnlyContain(
            s => s.Contains("json_each", StringComparison.Ordinal) || s.Contains("ANY (", StringComparison.Ordinal),
            "My week's owning units are read by id with their ancestors, not the organisation's whole directory");
        largeWeek.Count.Should().BeLessThanOrEqualTo(17,
            "the snapshot, the units its key results name with their ancestors (a statement per level of the tree, not per unit), the caller's access, and one batch per nested kind");
        largeWeek.Count.Should().BeGreaterThanOrEqualTo(5, "the count is real: My week reads at least the caller's key results, their objectives and check-ins");
    }

    [Fact]
    public void A_tag_no_request_carried_fails_instead_of_counting_zero()
    {
        var take = () => SqlStatementCounter.Take(Guid.NewGuid().ToString("N"));

        take.Should().Throw<InvalidOperationException>().WithMessage("No request tagged *");
    }

    private static async Task<IReadOnlyList<string>> CountMyWeekAsync(HttpClient client, Guid periodId, int expectedKeyResults)
    {
        var tag = Guid.NewGuid().ToString("N");
        var response = await client.GraphQLAsync(MyWeek, new { periodId }, countTag: tag);
        var keyResults = response.ShouldSucceed().GetProperty("myKeyResults").GetProperty("keyResults").EnumerateArray().ToList();
        keyResults.Should().HaveCount(expectedKeyResults);
        keyResults.Should().OnlyContain(k => k.GetProperty("objective").GetProperty("title").GetString()!.StartsWith("Objective ", StringComparison.Ordinal));
        return SqlStatementCounter.Take(tag);
    }

    private static async Task<IReadOnlyList<string>> CountAsync(HttpClient client, Guid periodId, int expectedObjectives)
    {
        var tag = Guid.NewGuid().ToString("N");
        var response = await client.GraphQLAsync(Everything, new { periodId }, countTag: tag);
        var tree = response.ShouldSucceed().GetProperty("okrTree");
        var objectives = tree.GetProperty("units").EnumerateArray().SelectMany(u => u.GetProperty("objectives").EnumerateArray()).ToList();
        objectives.Should().HaveCount(expectedObjectives);
        objectives.Should().OnlyContain(o => o.GetProperty("keyResults").GetArrayLength() == 3);
        objectives.SelectMany(o => o.GetProperty("keyResults").EnumerateArray())
            .Should().OnlyContain(k => k.GetProperty("checkIns").GetArrayLength() == 3 && k.GetProperty("kpis").GetArrayLength() <= 1);
        return SqlStatementCounter.Take(tag);
    }

    /// <summary>An organisation with a company objective and <paramref name="objectives"/> − 1 team objectives contributing to it.</summary>
    private static async Task<(HttpClient Client, Guid PeriodId)> SeedAsync(OkrApiFactory host, int objectives)
    {
        var client = await host.NewUserAsync();
        var created = await (await client.PostAsJsonAsync("/api/organizations", new { name = $"Scale {objectives}" }))
            .ReadAsync<OrganizationCreatedResponse>();
        var now = host.Clock.UtcNow;
        var periodId = await host.WithDbAsync(async db =>
        {
            var company = await db.OrgUnits.SingleAsync(u => u.Id == created.CompanyUnitId);
            var settings = OrganizationSettings.Default;
            var quarterStart = new DateOnly(now.Year, (now.Month - 1) / 3 * 3 + 1, 1);
            var period = new Period(created.OrganizationId, "This quarter", PeriodKind.Quarter, quarterStart, quarterStart.AddMonths(3).AddDays(-1));
            period.MoveTo(PeriodState.Active);
            db.Periods.Add(period);
            var focus = new FocusArea(created.OrganizationId, period.Id, "Grow", null);
            db.FocusAreas.Add(focus);
            var teams = Enumerable.Range(1, 5).Select(i => OrgUnit.CreateChild(company, $"Team {i}", UnitKind.Team)).ToList();
            foreach (var team in teams) team.AddMember(created.PersonId, UnitRole.Member);
            db.OrgUnits.AddRange(teams);

            var person = created.PersonId;
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var edges = new List<(Guid, Guid)>();
            Objective? parent = null;
            for (var i = 0; i < objectives; i++)
            {
                var unit = i == 0 ? company.Id : teams[i % teams.Count].Id;
                var objective = new Objective(created.OrganizationId, period, new ObjectiveDetails($"Objective {i}", unit, ObjectiveType.Committed,
                    OwnerId: person, FocusAreaId: focus.Id), now.AddDays(-30));
                objective.SetRaci([(person, RaciRole.Accountable)], period);
                var keyResults = Enumerable.Range(1, 3).Select(k => objective.AddKeyResult(new KeyResultDetails($"Key result {i}.{k}", unit,
                    new Measure(MetricKind.Number, Direction.Increase, 0, 100), person, BaselineMethod: "Counted"), period)).ToList();
                objective.Activate(period, now.AddDays(-29));
                db.Objectives.Add(objective);
                foreach (var (keyResult, k) in keyResults.Select((kr, k) => (kr, k)))
                {
                    for (var week = 3; week >= 1; week--)
                    {
                        var day = today.AddDays(-7 * week);
                        db.CheckIns.Add(keyResult.RecordCheckIn(new CheckInEntry(10 * (4 - week) + k, 7, day, "Moving."), objective, period, settings, person,
                            new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero)));
                    }
                }
                if (parent is null)
                    parent = objective;
                else
                {
                    var alignment = Alignment.Create(objective, parent, null, AlignmentKind.Contributes, 1, edges, now.AddDays(-28));
                    edges.Add((objective.Id, parent.Id));
                    db.Alignments.Add(alignment);
                }

                var initiative = new Initiative(created.OrganizationId, new InitiativeDetails($"Initiative {i}", OwnerId: person, UnitId: unit));
                initiative.LinkKeyResult(keyResults[0].Id);
                db.Initiatives.Add(initiative);
                var kpi = new Kpi(created.OrganizationId, new KpiDetails($"KPI {i}", unit, KpiDirection.HigherIsBetter, HealthyMin: 5));
                kpi.LinkKeyResult(keyResults[0].Id);
                for (var week = 3; week >= 1; week--)
                    kpi.RecordValue(today.AddDays(-7 * week), week, "Test", now.AddDays(-7 * week));
                db.Kpis.Add(kpi);
                db.Annotations.Add(new Annotation(created.OrganizationId, today.AddDays(-10), $"Change {i}", AnnotationKind.Change, person, [keyResults[0].Id], []));
                db.Comments.Add(new Comment(created.OrganizationId, objective.Id, null, person, "Looks good.", now.AddDays(-5)));
                db.Comments.Add(new Comment(created.OrganizationId, null, keyResults[1].Id, person, "Nice progress.", now.AddDays(-4)));
            }
            await db.SaveChangesAsync();
            return period.Id;
        }, created.OrganizationId);
        return (client, periodId);
    }

    private sealed record OrganizationCreatedResponse(Guid OrganizationId, Guid PersonId, Guid CompanyUnitId);
}
