using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Domain.Computations;
using Okr.Domain.KeyResults;
using Okr.Domain.Organizations;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.GraphQL;

/// <summary>The computed numbers of the OKR graph against the rules of okr-domain.md, on a private copy of the demo.</summary>
[Collection(GraphQLAndFuzzApiTests.Name)]
public sealed class RollupAndStatusTests(ApiFixture fixture)
{
    private const string ObjectiveQuery = """
        query Objective($id: ID!) {
          objective(id: $id) {
            title progress expectedProgress status state
            keyResults {
              id title progress expectedProgress status weight baseline target currentValue currentValueDate
              metricKind direction currencyCode latestConfidence lastCheckInAt
              forecast { projectedValue projectedProgress trendingToMiss slopePerDay }
            }
            children { kind weight counted child { id title progress } }
            parents { kind parent { id } }
            hiddenChildCount
          }
        }
        """;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Objective_progress_is_the_weighted_mean_of_its_key_results_and_contributing_children(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "numbers");
        using var admin = await demo.SignInAsync(host);

        var objective = (await admin.GraphQLAsync(ObjectiveQuery, new { id = demo.Objective(PrivateDemo.CompanyObjective) })).ShouldSucceed().GetProperty("objective");

        var keyResults = objective.GetProperty("keyResults").EnumerateArray().ToList();
        keyResults.Should().HaveCount(4);
        foreach (var keyResult in keyResults)
        {
            // Key result progress: clamp((c − b) / (t − b), 0, 1) through the domain function, from the values served.
            var measure = new Measure(Enum<MetricKind>(keyResult, "metricKind"), Enum<Direction>(keyResult, "direction"),
                Decimal(keyResult, "baseline"), Decimal(keyResult, "target"), keyResult.GetProperty("currencyCode").GetString());
            keyResult.GetProperty("progress").GetDouble().Should().BeApproximately(
                KeyResultProgress.Compute(measure, Decimal(keyResult, "currentValue")), 1e-9);
        }

        var children = objective.GetProperty("children").EnumerateArray().ToList();
        var contributing = children.Where(c => c.GetProperty("counted").GetBoolean()).ToList();
        contributing.Select(c => c.GetProperty("child").GetProperty("title").GetString()).Should().BeEquivalentTo(
            "Marketing enables Customer Success as much as it does Sales",
            "Define the CMO delight experiences and thread them through journey maps and road maps",
            "Engage the right customers and make it simple for them to buy from us",
            "Build irreplaceable products that are critical to CMOs and customers in our target segments",
            "Reduce the number of support tickets around common queries");
        children.Count(c => c.GetProperty("kind").GetString() == "SUPPORTS").Should().Be(2, "supporting links are shown, not counted");

        // Hand computation: every key result and every contributing child is one weighted item.
        var items = keyResults.Select(k => (Value: k.GetProperty("progress").GetDouble(), Weight: k.GetProperty("weight").GetDouble()))
            .Concat(contributing.Select(c => (Value: c.GetProperty("child").GetProperty("progress").GetDouble(), Weight: c.GetProperty("weight").GetDouble())))
            .ToList();
        var expected = items.Sum(i => i.Value * i.Weight) / items.Sum(i => i.Weight);
        objective.GetProperty("progress").GetDouble().Should().BeApproximately(expected, 1e-9);
        items.Should().HaveCount(9);
        objective.GetProperty("hiddenChildCount").GetInt32().Should().Be(0);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Deleting_a_key_result_takes_the_children_aligned_to_it_out_of_the_rollup_and_the_graph(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "deleted-key-result");
        using var admin = await demo.SignInAsync(host);
        const string query = """
            query Company($id: ID!, $p: ID!) {
              objective(id: $id) {
                progress
                keyResults { id progress weight }
                children { counted weight child { id progress } parentKeyResult { id } }
              }
              alignmentGraph(periodId: $p) { nodes { objective { id } } edges { source targetKeyResultId } }
            }
            """;
        var variables = new { id = demo.Objective(PrivateDemo.CompanyObjective), p = demo.CurrentPeriodId };
        var before = (await admin.GraphQLAsync(query, variables)).ShouldSucceed();
        var throughKeyResult = before.GetProperty("objective").GetProperty("children").EnumerateArray()
            .First(c => c.GetProperty("counted").GetBoolean() && c.GetProperty("parentKeyResult").ValueKind != JsonValueKind.Null);
        var keyResultId = throughKeyResult.GetProperty("parentKeyResult").GetProperty("id").GetGuid();
        var childId = throughKeyResult.GetProperty("child").GetProperty("id").GetGuid();

        (await admin.DeleteAsync($"/api/key-results/{keyResultId}")).StatusCode.Should().Be(System.Net.HttpStatusCode.NoContent);

        var after = (await admin.GraphQLAsync(query, variables)).ShouldSucceed();
        var objective = after.GetProperty("objective");
        var children = objective.GetProperty("children").EnumerateArray().ToList();
        children.Should().NotContain(c => c.GetProperty("child").GetProperty("id").GetGuid() == childId
            && c.GetProperty("parentKeyResult").ValueKind != JsonValueKind.Null);
        var items = objective.GetProperty("keyResults").EnumerateArray()
            .Select(k => (Value: k.GetProperty("progress").GetDouble(), Weight: k.GetProperty("weight").GetDouble()))
            .Concat(children.Where(c => c.GetProperty("counted").GetBoolean())
                .Select(c => (Value: c.GetProperty("child").GetProperty("progress").GetDouble(), Weight: c.GetProperty("weight").GetDouble())))
            .ToList();
        objective.GetProperty("progress").GetDouble().Should().BeApproximately(items.Sum(i => i.Value * i.Weight) / items.Sum(i => i.Weight), 1e-9);
        var graph = after.GetProperty("alignmentGraph");
        graph.GetProperty("edges").EnumerateArray().Should().NotContain(e =>
            e.GetProperty("targetKeyResultId").ValueKind != JsonValueKind.Null && e.GetProperty("targetKeyResultId").GetGuid() == keyResultId);
        graph.GetProperty("nodes").EnumerateArray().Should().Contain(n => n.GetProperty("objective").GetProperty("id").GetGuid() == childId,
            "the child objective itself stays");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Current_values_are_the_latest_check_in_by_effective_date(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "numbers");
        using var admin = await demo.SignInAsync(host);
        var objective = (await admin.GraphQLAsync(ObjectiveQuery, new { id = demo.Objective(PrivateDemo.CompanyObjective) })).ShouldSucceed().GetProperty("objective");

        var ids = objective.GetProperty("keyResults").EnumerateArray().Select(k => k.GetProperty("id").GetGuid()).ToList();
        var checkIns = await demo.ReadAsync(host, db => db.CheckIns.Where(c => ids.Contains(c.KeyResultId)).ToListAsync());
        foreach (var keyResult in objective.GetProperty("keyResults").EnumerateArray())
        {
            var latest = checkIns.Where(c => c.KeyResultId == keyResult.GetProperty("id").GetGuid())
                .OrderBy(c => c.EffectiveDate).ThenBy(c => c.RecordedAt).Last();
            Decimal(keyResult, "currentValue").Should().Be(latest.Value);
            keyResult.GetProperty("currentValueDate").GetString().Should().Be(latest.EffectiveDate.ToString("yyyy-MM-dd"));
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_check_in_is_due_on_active_key_results_not_checked_in_within_the_cadence_window(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "numbers");
        using var admin = await demo.SignInAsync(host);
        var now = host.Clock.UtcNow;

        var objectives = (await admin.GraphQLAsync("""
            query Tree($p: ID!) { okrTree(periodId: $p) { units { objectives { state keyResults { title lastCheckInAt checkInDue } } } } }
            """, new { p = demo.CurrentPeriodId })).ShouldSucceed().GetProperty("okrTree").GetProperty("units").EnumerateArray()
            .SelectMany(u => u.GetProperty("objectives").EnumerateArray()).ToList();

        var due = new List<bool>();
        foreach (var objective in objectives)
        {
            foreach (var keyResult in objective.GetProperty("keyResults").EnumerateArray())
            {
                var last = keyResult.GetProperty("lastCheckInAt").ValueKind == JsonValueKind.Null ? (DateTimeOffset?)null : keyResult.GetProperty("lastCheckInAt").GetDateTimeOffset();
                var expected = objective.GetProperty("state").GetString() == "ACTIVE" && !CheckInCompliance.IsCheckedIn(last, now, 7);
                keyResult.GetProperty("checkInDue").GetBoolean().Should().Be(expected, keyResult.GetProperty("title").GetString());
                due.Add(expected);
            }
        }
        due.Should().Contain(true).And.Contain(false, "the demo has key results checked in this week and others not");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Statuses_follow_the_rules_and_an_objective_takes_the_worst_of_its_key_results(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "numbers");
        using var admin = await demo.SignInAsync(host);
        var now = host.Clock.UtcNow;
        var data = (await admin.GraphQLAsync("""
            query Tree($p: ID!) {
              okrTree(periodId: $p) {
                period { start end }
                units { objectives { title status activatedAt keyResults { title status progress latestConfidence lastCheckInAt } } }
              }
            }
            """, new { p = demo.CurrentPeriodId })).ShouldSucceed().GetProperty("okrTree");
        var start = DateOnly.Parse(data.GetProperty("period").GetProperty("start").GetString()!);
        var end = DateOnly.Parse(data.GetProperty("period").GetProperty("end").GetString()!);
        var startsAt = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var endsAt = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var objectives = data.GetProperty("units").EnumerateArray().SelectMany(u => u.GetProperty("objectives").EnumerateArray()).ToList();

        var keyResultStatuses = new Dictionary<string, string>();
        foreach (var objective in objectives.Where(o => o.GetProperty("activatedAt").ValueKind != JsonValueKind.Null))
        {
            var statuses = new List<OkrStatus>();
            foreach (var keyResult in objective.GetProperty("keyResults").EnumerateArray())
            {
                // The same rules, from the values served: first match wins.
                var input = new KeyResultStatusInput(keyResult.GetProperty("progress").GetDouble(), now, startsAt, endsAt,
                    keyResult.GetProperty("lastCheckInAt").ValueKind == JsonValueKind.Null ? null : keyResult.GetProperty("lastCheckInAt").GetDateTimeOffset(),
                    keyResult.GetProperty("latestConfidence").ValueKind == JsonValueKind.Null ? null : keyResult.GetProperty("latestConfidence").GetInt32(),
                    TrackingSince: objective.GetProperty("activatedAt").GetDateTimeOffset());
                var status = KeyResultStatusRules.Compute(input, OrganizationSettings.Default);
                keyResult.GetProperty("status").GetString().Should().Be(ToConstant(status), keyResult.GetProperty("title").GetString());
                statuses.Add(status);
                keyResultStatuses[keyResult.GetProperty("title").GetString()!] = keyResult.GetProperty("status").GetString()!;
            }
            objective.GetProperty("status").GetString().Should().Be(ToConstant(KeyResultStatusRules.Worst(statuses)));
        }

        // The demo was designed with one of each.
        keyResultStatuses["ACV increases from $18k to 35k"].Should().Be("AT_RISK", "on track by progress, but the owner's confidence is 3");
        keyResultStatuses["Average cubist demo score goes from 62 to 70"].Should().Be("STALE", "its owner stopped checking in two weeks ago");
        keyResultStatuses["Targeted one-to-few campaigns at low usage enterprises drive 10 account management conversations per month"].Should().Be("OFF_TRACK");
        keyResultStatuses["Increase cubist score of inbounds from 43 to 50"].Should().Be("AT_RISK");
        keyResultStatuses["Instrument CMO use cases in Pendo so we can measure use next quarter"].Should().Be("ON_TRACK");
        objectives.Single(o => o.GetProperty("title").GetString() == "Engage the right customers and make it simple for them to buy from us")
            .GetProperty("status").GetString().Should().Be("AT_RISK", "a stale key result counts as at risk for its objective");
        objectives.Single(o => o.GetProperty("title").GetString() == "Make product A part of every Tier 1 CMO's week")
            .GetProperty("status").GetString().Should().Be("NOT_STARTED", "a draft is not tracked yet");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_forecast_is_a_least_squares_line_through_the_check_ins_projected_to_the_period_end(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "numbers");
        using var admin = await demo.SignInAsync(host);
        var keyResult = (await admin.GraphQLAsync("""
            query History($id: ID!) {
              keyResult(id: $id) {
                baseline target progress
                objective { period { start end } }
                forecast { projectedValue projectedProgress trendingToMiss slopePerDay }
                checkIns { effectiveDate value recordedAt }
              }
            }
            """, new { id = demo.KeyResult("85% of ARR comes from customers in Tiers 1 and 2 segments") })).ShouldSucceed().GetProperty("keyResult");

        var period = keyResult.GetProperty("objective").GetProperty("period");
        var start = DateOnly.Parse(period.GetProperty("start").GetString()!);
        var days = DateOnly.Parse(period.GetProperty("end").GetString()!).AddDays(1).DayNumber - start.DayNumber;
        var points = keyResult.GetProperty("checkIns").EnumerateArray()
            .Select(c => (X: (double)(DateOnly.Parse(c.GetProperty("effectiveDate").GetString()!).DayNumber - start.DayNumber), Y: (double)c.GetProperty("value").GetDecimal()))
            .ToList();
        points.Should().HaveCountGreaterThan(2);

        // By hand: slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², projected to the end of the period.
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var slope = points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
        var projected = meanY + slope * (days - meanX);
        var baseline = keyResult.GetProperty("baseline").GetDouble();
        var target = keyResult.GetProperty("target").GetDouble();
        var projectedProgress = Math.Clamp((projected - baseline) / (target - baseline), 0, 1);

        var forecast = keyResult.GetProperty("forecast");
        forecast.GetProperty("slopePerDay").GetDouble().Should().BeApproximately(slope, 1e-9);
        forecast.GetProperty("projectedValue").GetDouble().Should().BeApproximately(projected, 1e-6);
        forecast.GetProperty("projectedProgress").GetDouble().Should().BeApproximately(projectedProgress, 1e-6);
        forecast.GetProperty("trendingToMiss").GetBoolean().Should().Be(projectedProgress < 1);
        forecast.GetProperty("trendingToMiss").GetBoolean().Should().BeTrue("the at-risk ARR mix is designed to fall short");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Unit_progress_is_the_mean_of_the_units_active_objectives_with_or_without_descendants(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "numbers");
        using var admin = await demo.SignInAsync(host);
        var tree = (await admin.GraphQLAsync("""
            query Tree($p: ID!, $root: ID) {
              okrTree(periodId: $p, rootUnitId: $root) {
                progress
                root { name progress progressWithDescendants objectives { progress state } }
                units { id parentId depth name progress progressWithDescendants objectives { progress state } }
              }
            }
            """, new { p = demo.CurrentPeriodId, root = demo.Units["Product Management"] })).ShouldSucceed().GetProperty("okrTree");

        var units = tree.GetProperty("units").EnumerateArray().ToList();
        units.Select(u => u.GetProperty("name").GetString()).Should().Equal("Product Management", "Product Engineering", "Product Success");
        units[0].GetProperty("depth").GetInt32().Should().Be(0);
        units.Skip(1).Should().OnlyContain(u => u.GetProperty("depth").GetInt32() == 1 && u.GetProperty("parentId").GetGuid() == demo.Units["Product Management"]);

        double Mean(IEnumerable<JsonElement> objectives)
        {
            var counted = objectives.Where(o => o.GetProperty("state").GetString() is "ACTIVE" or "CLOSED").Select(o => o.GetProperty("progress").GetDouble()).ToList();
            return counted.Count == 0 ? 0 : counted.Average();
        }
        foreach (var unit in units)
            unit.GetProperty("progress").GetDouble().Should().BeApproximately(Mean(unit.GetProperty("objectives").EnumerateArray()), 1e-9);
        var all = units.SelectMany(u => u.GetProperty("objectives").EnumerateArray()).ToList();
        all.Should().Contain(o => o.GetProperty("state").GetString() == "DRAFT", "Product Success has a draft, which does not count");
        tree.GetProperty("progress").GetDouble().Should().BeApproximately(Mean(all), 1e-9);
        tree.GetProperty("root").GetProperty("progressWithDescendants").GetDouble().Should().BeApproximately(Mean(all), 1e-9);
    }

    private static T Enum<T>(JsonElement element, string name) where T : struct, Enum =>
        System.Enum.Parse<T>(element.GetProperty(name).GetString()!.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);

    private static decimal? Decimal(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetDecimal();

    private static string ToConstant(OkrStatus status) => status switch
    {
        OkrStatus.NotStarted => "NOT_STARTED",
        OkrStatus.OnTrack => "ON_TRACK",
        OkrStatus.AtRisk => "AT_RISK",
        OkrStatus.OffTrack => "OFF_TRACK",
        _ => status.ToString().ToUpperInvariant(),
    };
}
