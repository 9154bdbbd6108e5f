using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Domain.Computations;
using Okr.Domain.Organizations;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.GraphQL;

/// <summary>
/// asOf answers with the values as they stood then: check-ins are immutable, so replaying those recorded and effective
/// by that instant gives the numbers of that day exactly.
/// </summary>
[Collection(GraphQLAndFuzzApiTests.Name)]
public sealed class AsOfTests(ApiFixture fixture)
{
    private const string DashboardQuery = """
        query Dashboard($p: ID!, $unit: ID, $descendants: Boolean, $asOf: DateTimeOffset) {
          dashboard(periodId: $p, unitId: $unit, includeDescendants: $descendants, asOf: $asOf) {
            asOf evaluatedAt progress expectedProgress objectiveCount keyResultCount checkInCompliance
            keyResultsByStatus { notStarted onTrack atRisk offTrack stale achieved missed }
            objectivesByStatus { onTrack atRisk offTrack }
            atRisk { keyResult { title } latestNarrative latestCheckInDate }
            offTrack { keyResult { title } latestNarrative latestCheckInDate }
            stale { keyResult { title } }
            upcomingCheckpoints { name date }
          }
        }
        """;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_dashboard_as_of_two_weeks_ago_shows_the_numbers_of_that_day(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "numbers");
        using var admin = await demo.SignInAsync(host);
        var asOf = host.Clock.UtcNow.AddDays(-14);
        var marketing = demo.Units["Marketing"];

        var then = (await admin.GraphQLAsync(DashboardQuery, new { p = demo.CurrentPeriodId, unit = marketing, descendants = false, asOf })).ShouldSucceed().GetProperty("dashboard");
        var now = (await admin.GraphQLAsync(DashboardQuery, new { p = demo.CurrentPeriodId, unit = marketing, descendants = false })).ShouldSucceed().GetProperty("dashboard");

        // By hand, from the rows: Marketing's objective counts its three key results and Customer Marketing's
        // objective (which contributes to it), each at its latest check-in known at asOf.
        var (marketingObjective, customerMarketingObjective, period, checkIns) = await demo.ReadAsync(host, async db =>
        {
            var objectives = await db.Objectives.Include(o => o.KeyResults)
                .Where(o => o.PeriodId == demo.CurrentPeriodId && (o.OwningUnitId == marketing || o.OwningUnitId == demo.Units["Customer Marketing"]))
                .ToListAsync();
            var ids = objectives.SelectMany(o => o.KeyResults).Select(k => k.Id).ToList();
            return (objectives.Single(o => o.OwningUnitId == marketing), objectives.Single(o => o.OwningUnitId != marketing),
                await db.Periods.SingleAsync(p => p.Id == demo.CurrentPeriodId),
                await db.CheckIns.Where(c => ids.Contains(c.KeyResultId)).ToListAsync());
        });
        var day = DateOnly.FromDateTime(asOf.UtcDateTime);
        var known = checkIns.Where(c => c.RecordedAt <= asOf && c.EffectiveDate <= day).ToList();
        double ProgressAt(Okr.Domain.KeyResults.KeyResult keyResult) => KeyResultProgress.Compute(keyResult.Measure,
            known.Where(c => c.KeyResultId == keyResult.Id).OrderBy(c => c.EffectiveDate).ThenBy(c => c.RecordedAt).LastOrDefault()?.Value);
        var customerMarketingProgress = customerMarketingObjective.KeyResults.Average(ProgressAt);
        var marketingProgress = marketingObjective.KeyResults.Select(ProgressAt).Append(customerMarketingProgress).Average();
        var expected = (asOf - period.StartsAt) / (period.EndsAt - period.StartsAt);

        then.GetProperty("asOf").GetDateTimeOffset().Should().Be(asOf);
        then.GetProperty("progress").GetDouble().Should().BeApproximately(marketingProgress, 1e-9);
        then.GetProperty("expectedProgress").GetDouble().Should().BeApproximately(expected, 1e-9);
        now.GetProperty("progress").GetDouble().Should().NotBeApproximately(marketingProgress, 1e-6, "two more weeks of check-ins moved it");
        now.GetProperty("expectedProgress").GetDouble().Should().BeGreaterThan(expected);

        // Statuses evaluated at asOf with what was known then.
        var statuses = marketingObjective.KeyResults.Select(k =>
        {
            var mine = known.Where(c => c.KeyResultId == k.Id).OrderBy(c => c.EffectiveDate).ThenBy(c => c.RecordedAt).ToList();
            return KeyResultStatusRules.Compute(new KeyResultStatusInput(ProgressAt(k), asOf, period.StartsAt, period.EndsAt,
                mine.Count == 0 ? null : mine.Max(c => c.RecordedAt), mine.LastOrDefault()?.Confidence, marketingObjective.ActivatedAt), OrganizationSettings.Default);
        }).ToList();
        var counts = then.GetProperty("keyResultsByStatus");
        counts.GetProperty("onTrack").GetInt32().Should().Be(statuses.Count(s => s == OkrStatus.OnTrack));
        counts.GetProperty("atRisk").GetInt32().Should().Be(statuses.Count(s => s == OkrStatus.AtRisk));
        counts.GetProperty("offTrack").GetInt32().Should().Be(statuses.Count(s => s == OkrStatus.OffTrack));
        counts.GetProperty("stale").GetInt32().Should().Be(statuses.Count(s => s == OkrStatus.Stale));
        then.GetProperty("keyResultCount").GetInt32().Should().Be(3);

        // Compliance: key results checked in within the week before asOf.
        var lastPerKeyResult = marketingObjective.KeyResults.Select(k => known.Where(c => c.KeyResultId == k.Id).Select(c => (DateTimeOffset?)c.RecordedAt).Max());
        then.GetProperty("checkInCompliance").GetDouble().Should().BeApproximately(CheckInCompliance.Compute(lastPerKeyResult, asOf, 7)!.Value, 1e-9);

        // The narrative shown is the one of the latest check-in known then, never a later one.
        foreach (var flagged in then.GetProperty("offTrack").EnumerateArray().Concat(then.GetProperty("atRisk").EnumerateArray()))
            DateOnly.Parse(flagged.GetProperty("latestCheckInDate").GetString()!, CultureInfo.InvariantCulture).Should().BeOnOrBefore(day);
        then.GetProperty("upcomingCheckpoints").EnumerateArray()
            .Should().OnlyContain(c => DateOnly.Parse(c.GetProperty("date").GetString()!, CultureInfo.InvariantCulture) >= day);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_key_results_history_as_of_a_date_ends_that_day(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "numbers");
        using var admin = await demo.SignInAsync(host);
        var asOf = host.Clock.UtcNow.AddDays(-14);
        var id = demo.KeyResult("Increase cubist score of inbounds from 43 to 50");

        var then = (await admin.GraphQLAsync("""
            query History($id: ID!, $asOf: DateTimeOffset) {
              keyResult(id: $id, asOf: $asOf) {
                asOf currentValue currentValueDate progress status lastCheckInAt checkInCount
                checkIns { effectiveDate value recordedAt narrative author { displayName } }
                latestCheckIn { value effectiveDate }
                kpis { name values { date value } }
                annotations { date text }
                objective { asOf progress }
              }
            }
            """, new { id, asOf })).ShouldSucceed().GetProperty("keyResult");
        var rows = await demo.ReadAsync(host, db => db.CheckIns.Where(c => c.KeyResultId == id).ToListAsync());
        var day = DateOnly.FromDateTime(asOf.UtcDateTime);
        var known = rows.Where(c => c.RecordedAt <= asOf && c.EffectiveDate <= day).OrderByDescending(c => c.EffectiveDate).ToList();

        known.Count.Should().BeLessThan(rows.Count, "later check-ins exist");
        var history = then.GetProperty("checkIns").EnumerateArray().ToList();
        history.Select(c => c.GetProperty("value").GetDecimal()).Should().Equal(known.Select(c => c.Value));
        then.GetProperty("checkInCount").GetInt32().Should().Be(known.Count);
        then.GetProperty("currentValue").GetDecimal().Should().Be(known[0].Value);
        then.GetProperty("latestCheckIn").GetProperty("value").GetDecimal().Should().Be(known[0].Value);
        history.Should().OnlyContain(c => c.GetProperty("author").GetProperty("displayName").GetString() == "Dana Whitfield");
        then.GetProperty("kpis").EnumerateArray().SelectMany(k => k.GetProperty("values").EnumerateArray())
            .Should().OnlyContain(v => DateOnly.Parse(v.GetProperty("date").GetString()!, CultureInfo.InvariantCulture) <= day);
        then.GetProperty("annotations").EnumerateArray()
            .Should().OnlyContain(a => DateOnly.Parse(a.GetProperty("date").GetString()!, CultureInfo.InvariantCulture) <= day);
        then.GetProperty("objective").GetProperty("asOf").GetDateTimeOffset().Should().Be(asOf, "nested objects answer as of the same instant");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_explicit_asOf_of_now_equals_the_live_answer_and_the_future_is_refused(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "numbers");
        using var admin = await demo.SignInAsync(host);
        const string Tree = "query T($p: ID!, $asOf: DateTimeOffset) { okrTree(periodId: $p, asOf: $asOf) { progress units { progress objectives { progress status keyResults { progress status currentValue } } } } }";

        var live = (await admin.GraphQLAsync(Tree, new { p = demo.CurrentPeriodId })).ShouldSucceed();
        var explicitNow = (await admin.GraphQLAsync(Tree, new { p = demo.CurrentPeriodId, asOf = host.Clock.UtcNow })).ShouldSucceed();
        // Objectives and key results to the last bit; units' progress now comes from their maintained fixed-point sums
        // (ADR 0024), equal to the replayed mean within 5·10⁻¹³.
        var liveTree = live.GetProperty("okrTree");
        var replayedTree = explicitNow.GetProperty("okrTree");
        replayedTree.GetProperty("progress").GetDouble().Should().BeApproximately(liveTree.GetProperty("progress").GetDouble(), 1e-12);
        var liveUnits = liveTree.GetProperty("units").EnumerateArray().ToList();
        var replayedUnits = replayedTree.GetProperty("units").EnumerateArray().ToList();
        replayedUnits.Should().HaveCount(liveUnits.Count);
        foreach (var (replayed, current) in replayedUnits.Zip(liveUnits))
        {
            replayed.GetProperty("progress").GetDouble().Should().BeApproximately(current.GetProperty("progress").GetDouble(), 1e-12);
            replayed.GetProperty("objectives").GetRawText().Should().Be(current.GetProperty("objectives").GetRawText());
        }

        var future = await admin.GraphQLAsync(Tree, new { p = demo.CurrentPeriodId, asOf = host.Clock.UtcNow.AddDays(1) });
        future.ShouldFailWith("VALIDATION");
        future.Errors[0].GetProperty("extensions").GetProperty("errors").GetProperty("asOf").EnumerateArray().Should().NotBeEmpty();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Before_an_objective_existed_it_is_not_found_and_before_activation_it_was_a_draft(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "numbers");
        using var admin = await demo.SignInAsync(host);
        var id = demo.Objective("Marketing enables Customer Success");
        var (createdAt, activatedAt) = await demo.ReadAsync(host, db => db.Objectives.Where(o => o.Id == id)
            .Select(o => new ValueTuple<DateTimeOffset, DateTimeOffset?>(o.CreatedAt, o.ActivatedAt)).SingleAsync());
        const string Query = "query O($id: ID!, $asOf: DateTimeOffset) { objective(id: $id, asOf: $asOf) { state status progress } }";

        var beforeActivation = (await admin.GraphQLAsync(Query, new { id, asOf = activatedAt!.Value.AddHours(-1) })).ShouldSucceed().GetProperty("objective");
        beforeActivation.GetProperty("state").GetString().Should().Be("DRAFT");
        beforeActivation.GetProperty("status").GetString().Should().Be("NOT_STARTED");
        beforeActivation.GetProperty("progress").GetDouble().Should().Be(0, "no check-in had been recorded yet");

        var beforeCreation = await admin.GraphQLAsync(Query, new { id, asOf = createdAt.AddHours(-1) });
        beforeCreation.ShouldFailWith("NOT_FOUND");
        beforeCreation.Data.GetProperty("objective").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }
}
