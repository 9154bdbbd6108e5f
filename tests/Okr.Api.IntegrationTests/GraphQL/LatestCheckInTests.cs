using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.GraphQL;

/// <summary>
/// latestCheckIn reads only the check-ins of a key result's latest effective date, and is still exactly the head of
/// its history (newest effective date, a later recording winning a tie), now and as of an earlier instant.
/// </summary>
[Collection(GraphQLAndFuzzApiTests.Name)]
public sealed class LatestCheckInTests(ApiFixture fixture)
{
    private const string Tree = """
        query($p: ID!, $asOf: DateTimeOffset) {
          okrTree(periodId: $p, asOf: $asOf) { units { objectives { keyResults { id latestCheckIn { id value } checkIns { id } } } } }
        }
        """;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_latest_check_in_is_the_head_of_the_history_for_every_key_result_backdated_and_same_day_ones_included(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "latest-check-in");
        using var admin = await demo.SignInAsync(host);
        var keyResult = demo.KeyResult("Increase cubist score of inbounds from 43 to 50");
        var today = DateOnly.FromDateTime(host.Clock.UtcNow.UtcDateTime);

        // A backdated check-in (recorded now, effective a week ago) is not the latest; one on the latest day, recorded later, is.
        (await admin.PostAsJsonAsync($"/api/key-results/{keyResult}/check-ins",
            new { value = 1, confidence = 5, effectiveDate = today.AddDays(-7), narrative = "Backdated." })).StatusCode.Should().Be(HttpStatusCode.Created);
        AssertHeads(await TreeAsync(admin, demo.CurrentPeriodId, asOf: null), expectAll: true);
        var sameDay = await admin.PostAsJsonAsync($"/api/key-results/{keyResult}/check-ins",
            new { value = 47, confidence = 8, effectiveDate = today, narrative = "Same day, later." });
        sameDay.StatusCode.Should().Be(HttpStatusCode.Created);
        // Recorded a minute later (the shared host's clock is put back: other tests read it).
        var started = host.Clock.UtcNow;
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        try
        {
            var again = await admin.PostAsJsonAsync($"/api/key-results/{keyResult}/check-ins",
                new { value = 48, confidence = 8, effectiveDate = today, narrative = "Same day, later still." });
            again.StatusCode.Should().Be(HttpStatusCode.Created);
        }
        finally
        {
            host.Clock.UtcNow = started;
        }

        var now = await TreeAsync(admin, demo.CurrentPeriodId, asOf: null);
        AssertHeads(now, expectAll: true);
        now[keyResult.ToString()].GetProperty("latestCheckIn").GetProperty("value").GetDecimal().Should().Be(48);
        AssertHeads(await TreeAsync(admin, demo.CurrentPeriodId, asOf: host.Clock.UtcNow.AddDays(-10)), expectAll: false);
    }

    private static async Task<Dictionary<string, JsonElement>> TreeAsync(HttpClient client, Guid periodId, DateTimeOffset? asOf) =>
        (await client.GraphQLAsync(Tree, new { p = periodId, asOf })).ShouldSucceed().GetProperty("okrTree").GetProperty("units").EnumerateArray()
            .SelectMany(u => u.GetProperty("objectives").EnumerateArray()).SelectMany(o => o.GetProperty("keyResults").EnumerateArray())
            .ToDictionary(k => k.GetProperty("id").GetString()!);

    private static void AssertHeads(Dictionary<string, JsonElement> keyResults, bool expectAll)
    {
        keyResults.Should().NotBeEmpty();
        var withHistory = 0;
        foreach (var (id, k) in keyResults)
        {
            var history = k.GetProperty("checkIns").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
            var latest = k.GetProperty("latestCheckIn");
            if (history.Count == 0)
            {
                latest.ValueKind.Should().Be(JsonValueKind.Null, $"{id} has no check-in");
                continue;
            }
            withHistory++;
            latest.GetProperty("id").GetString().Should().Be(history[0], $"{id}'s latest check-in is the head of its history");
        }
        withHistory.Should().BeGreaterThan(expectAll ? 5 : 0, "the demo's key results have check-ins");
    }
}
