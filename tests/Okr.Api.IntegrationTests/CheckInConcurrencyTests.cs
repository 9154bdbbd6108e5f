using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.KeyResults.Dtos;
using Okr.Application.Objectives.Dtos;
using Okr.Application.OkrGraph.Rollups;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests;

/// <summary>
/// Monday morning of check-in week (ADR 0013): many owners checking in at once on one key result and on its siblings.
/// Every check-in is accepted (no one sent If-Match, so no one gets a 412), the objective's ETag does not move, and
/// the maintained values stay exactly what a full recomputation gives.
/// </summary>
[Collection(ApiTests.Name)]
public sealed class CheckInConcurrencyTests(ApiFixture fixture)
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Concurrent_check_ins_all_succeed_leave_the_objectives_ETag_alone_and_keep_the_rollups_exact(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "concurrency");
        using var admin = await demo.SignInAsync(host);
        // SQLite has one writer at a time: the same storm, smaller, proves the rules there; PostgreSQL takes the full 200.
        var concurrent = provider == DatabaseProvider.Postgres ? 200 : 24;

        var objective = await (await admin.PostAsJsonAsync("/api/objectives", new
        {
            periodId = demo.CurrentPeriodId, owningUnitId = demo.Units["Product Management"], title = "Make onboarding effortless for CMOs",
            type = "Committed", successCriteria = "New CMOs are productive in their first week",
        })).ReadAsync<ObjectiveDto>();
        var keyResults = new List<KeyResultDto>();
        foreach (var (title, weight) in new[] { ("Week-one activation rises", 1m), ("Time to first report falls below a day", 2m), ("Guided-tour completion rises", 1m) })
        {
            keyResults.Add(await (await admin.PostAsJsonAsync("/api/key-results", new
            {
                objectiveId = objective.Id, title, metricKind = "Number", direction = "Increase", baseline = 0, target = 1000, weight,
                baselineMethod = "Product analytics",
            })).ReadAsync<KeyResultDto>());
        }
        (await admin.PostAsync($"/api/objectives/{objective.Id}/activate", null)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/objectives/{objective.Id}/alignments",
            new { parentObjectiveId = demo.Objective(PrivateDemo.CompanyObjective), kind = "Contributes", weight = 1 })).EnsureSuccessStatusCode();
        var etag = (await admin.GetAsync($"/api/objectives/{objective.Id}")).ETagVersion();

        // All at once on one key result, then spread over the three siblings.
        var onOne = await Task.WhenAll(Enumerable.Range(1, concurrent).Select(i =>
            admin.PostAsJsonAsync($"/api/key-results/{keyResults[0].Id}/check-ins", new { value = i, confidence = 7, narrative = $"Cohort {i} onboarded." })));
        var onSiblings = await Task.WhenAll(Enumerable.Range(1, concurrent).Select(i =>
            admin.PostAsJsonAsync($"/api/key-results/{keyResults[i % 3].Id}/check-ins", new { value = 3 * i, confidence = 6, narrative = $"Week {i}." })));

        foreach (var response in onOne.Concat(onSiblings))
            response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await admin.GetAsync($"/api/objectives/{objective.Id}")).ETagVersion().Should().Be(etag, "check-ins are facts about key results, not edits of the objective");

        // The maintained values equal a recomputation from the source rows: a rebuild finds nothing to correct.
        var rebuilt = await demo.ReadAsync(host, db => ObjectiveProgressStore.RebuildAsync(db, allOrganizations: false, CancellationToken.None));
        rebuilt.CurrentValuesCorrected.Should().Be(0);
        rebuilt.ProgressCorrected.Should().Be(0);
        rebuilt.UnitRowsCorrected.Should().Be(0, "the units' maintained progress (ADR 0024) took every check-in exactly");

        // And what the API serves is consistent: the objective's progress is the weighted mean of its key results'.
        var served = (await admin.GraphQLAsync("query($id: ID!) { objective(id: $id) { progress keyResults { progress weight checkInCount } } }",
            new { id = objective.Id })).ShouldSucceed().GetProperty("objective");
        var items = served.GetProperty("keyResults").EnumerateArray()
            .Select(k => (Progress: k.GetProperty("progress").GetDouble(), Weight: k.GetProperty("weight").GetDouble(), Count: k.GetProperty("checkInCount").GetInt32()))
            .ToList();
        items.Sum(k => k.Count).Should().Be(2 * concurrent);
        served.GetProperty("progress").GetDouble().Should().BeApproximately(items.Sum(k => k.Progress * k.Weight) / items.Sum(k => k.Weight), 1e-9);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Concurrent_check_ins_under_one_division_all_succeed_and_leave_its_units_progress_exact(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "unit-concurrency");
        using var admin = await demo.SignInAsync(host);
        var concurrent = provider == DatabaseProvider.Postgres ? 50 : 12;

        // The division with the most units below it; an objective with one key result in each of its child units, so every
        // check-in moves a different objective but the same division's and company's rows.
        var (division, children) = await demo.ReadAsync(host, async db =>
        {
            var units = await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToListAsync();
            var parent = units.Where(u => u.ParentId is not null).GroupBy(u => u.ParentId!.Value).OrderByDescending(g => g.Count()).First();
            return (parent.Key, parent.Select(u => u.Id).ToList());
        });
        children.Should().HaveCountGreaterThan(1, "the demo has a unit with sibling units below it");
        var keyResults = new List<Guid>();
        foreach (var (unit, i) in children.Select((u, i) => (u, i)))
        {
            var objective = await (await admin.PostAsJsonAsync("/api/objectives", new
            {
                periodId = demo.CurrentPeriodId, owningUnitId = unit, title = $"Ship the self-serve plan, part {i + 1}", type = "Committed",
            })).ReadAsync<ObjectiveDto>();
            keyResults.Add((await (await admin.PostAsJsonAsync("/api/key-results", new
            {
                objectiveId = objective.Id, title = "Self-serve sign-ups rise", metricKind = "Number", direction = "Increase", baseline = 0, target = 997,
                baselineMethod = "Product analytics",
            })).ReadAsync<KeyResultDto>()).Id);
            (await admin.PostAsync($"/api/objectives/{objective.Id}/activate", null)).EnsureSuccessStatusCode();
        }

        var responses = await Task.WhenAll(Enumerable.Range(1, concurrent).Select(i =>
            admin.PostAsJsonAsync($"/api/key-results/{keyResults[i % keyResults.Count]}/check-ins", new { value = 7 * i % 997, confidence = 6, narrative = $"Day {i}." })));

        foreach (var response in responses)
            response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var rebuilt = await demo.ReadAsync(host, db => ObjectiveProgressStore.RebuildAsync(db, allOrganizations: false, CancellationToken.None));
        rebuilt.ProgressCorrected.Should().Be(0);
        rebuilt.UnitRowsCorrected.Should().Be(0, "every increment of the division's and the company's rows landed exactly once");

        // The division's progress served from its row is the mean of the objectives below it, as the domain computes it.
        const string tree = "query($p: ID!, $root: ID, $at: DateTimeOffset) { okrTree(periodId: $p, rootUnitId: $root, asOf: $at) { units { id progressWithDescendants } } }";
        double DivisionProgress(System.Text.Json.JsonElement answer) => answer.GetProperty("okrTree").GetProperty("units").EnumerateArray()
            .Single(u => u.GetProperty("id").GetString() == division.ToString()).GetProperty("progressWithDescendants").GetDouble();
        var maintained = DivisionProgress((await admin.GraphQLAsync(tree, new { p = demo.CurrentPeriodId, root = division })).ShouldSucceed());
        var replayed = DivisionProgress((await admin.GraphQLAsync(tree, new { p = demo.CurrentPeriodId, root = division, at = host.Clock.UtcNow })).ShouldSucceed());
        maintained.Should().BeApproximately(replayed, 1e-12);
    }
}
