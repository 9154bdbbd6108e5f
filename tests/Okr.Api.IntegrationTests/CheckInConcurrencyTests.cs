using System.Net;
using System.Net.Http.Json;
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

        // And what the API serves is consistent: the objective's progress is the weighted mean of its key results'.
        var served = (await admin.GraphQLAsync("query($id: ID!) { objective(id: $id) { progress keyResults { progress weight checkInCount } } }",
            new { id = objective.Id })).ShouldSucceed().GetProperty("objective");
        var items = served.GetProperty("keyResults").EnumerateArray()
            .Select(k => (Progress: k.GetProperty("progress").GetDouble(), Weight: k.GetProperty("weight").GetDouble(), Count: k.GetProperty("checkInCount").GetInt32()))
            .ToList();
        items.Sum(k => k.Count).Should().Be(2 * concurrent);
        served.GetProperty("progress").GetDouble().Should().BeApproximately(items.Sum(k => k.Progress * k.Weight) / items.Sum(k => k.Weight), 1e-9);
    }
}
