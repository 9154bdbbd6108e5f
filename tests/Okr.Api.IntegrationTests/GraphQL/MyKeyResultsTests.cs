using System.Net;
using System.Text.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.GraphQL;

/// <summary>
/// myKeyResults gives what My week used to pick from the whole okrTree: the key results the caller owns or their
/// units own, on visible objectives that are not cancelled, due ones first, then open ones, then their own, then the
/// tree's order.
/// </summary>
[Collection(GraphQLAndFuzzApiTests.Name)]
public sealed class MyKeyResultsTests(ApiFixture fixture)
{
    private const string Mine = """
        query Mine($p: ID!, $asOf: DateTimeOffset) {
          me { person { id } memberships { unit { id } } }
          myKeyResults(periodId: $p, asOf: $asOf) {
            asOf evaluatedAt expectedProgress period { id name }
            keyResults {
              id title progress status checkInDue lastCheckInAt currentValue
              owner { id } owningUnit { id }
              objective { id title state owningUnit { id name } }
            }
          }
        }
        """;

    /// <summary>What My week read before: the whole tree.</summary>
    private const string Tree = """
        query Tree($p: ID!, $asOf: DateTimeOffset) {
          okrTree(periodId: $p, asOf: $asOf) {
            asOf evaluatedAt expectedProgress period { id name }
            units {
              objectives {
                id title state owningUnit { id name }
                keyResults { id title progress status checkInDue lastCheckInAt currentValue owner { id } owningUnit { id } }
              }
            }
          }
        }
        """;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_member_and_a_lead_get_the_key_results_the_tree_rule_gives_in_the_order_My_week_shows_them(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "mine");
        foreach (var who in new[] { "member", "lead" })
        {
            using var client = await demo.SignInAsync(host, who);
            var (mine, expected) = await BothAsync(client, demo.CurrentPeriodId, asOf: null);

            var ids = Ids(mine);
            ids.Should().NotBeEmpty($"{who} has key results in the demo");
            ids.Should().Equal(expected.Select(e => e.KeyResult.GetProperty("id").GetGuid()), who);
            AssertSameKeyResults(mine, expected);
        }

        // The demo gives the member key results of both kinds: their own, and their team's owned by someone else.
        using var member = await demo.SignInAsync(host, "member");
        var memberData = (await member.GraphQLAsync(Mine, new { p = demo.CurrentPeriodId })).ShouldSucceed();
        var personId = memberData.GetProperty("me").GetProperty("person").GetProperty("id").GetGuid();
        var keyResults = memberData.GetProperty("myKeyResults").GetProperty("keyResults").EnumerateArray().ToList();
        keyResults.Should().Contain(k => OwnerId(k) == personId);
        keyResults.Should().Contain(k => OwnerId(k) != personId && k.GetProperty("owningUnit").GetProperty("id").GetGuid() == demo.Units["Product Engineering"]);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task As_of_a_past_instant_the_key_results_have_the_values_of_that_day(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "mine");
        using var lead = await demo.SignInAsync(host, "lead");
        var asOf = host.Clock.UtcNow.AddDays(-14);

        var (then, expected) = await BothAsync(lead, demo.CurrentPeriodId, asOf);
        var my = then.GetProperty("myKeyResults");
        my.GetProperty("asOf").GetDateTimeOffset().Should().Be(asOf);
        my.GetProperty("evaluatedAt").GetDateTimeOffset().Should().Be(asOf);
        Ids(then).Should().Equal(expected.Select(e => e.KeyResult.GetProperty("id").GetGuid()));
        AssertSameKeyResults(then, expected);

        var now = (await lead.GraphQLAsync(Mine, new { p = demo.CurrentPeriodId })).ShouldSucceed().GetProperty("myKeyResults");
        now.GetProperty("asOf").ValueKind.Should().Be(JsonValueKind.Null);
        now.GetProperty("expectedProgress").GetDouble().Should().BeGreaterThan(my.GetProperty("expectedProgress").GetDouble());
        static int CheckIns(JsonElement view) => view.GetProperty("keyResults").EnumerateArray().Count(k => k.GetProperty("lastCheckInAt").ValueKind != JsonValueKind.Null);
        var valuesThen = my.GetProperty("keyResults").EnumerateArray().ToDictionary(k => k.GetProperty("id").GetGuid(), k => k.GetProperty("lastCheckInAt").ToString());
        var valuesNow = now.GetProperty("keyResults").EnumerateArray().ToDictionary(k => k.GetProperty("id").GetGuid(), k => k.GetProperty("lastCheckInAt").ToString());
        valuesNow.Should().NotEqual(valuesThen, "check-ins were recorded in the last two weeks");
        CheckIns(now).Should().BeGreaterThanOrEqualTo(CheckIns(my));

        (await lead.GraphQLAsync(Mine, new { p = demo.CurrentPeriodId, asOf = host.Clock.UtcNow.AddDays(1) })).ShouldFailWith("VALIDATION");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_key_result_of_a_restricted_objective_is_not_given_to_someone_outside_it_even_when_they_own_it(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "mine-restricted");
        using var member = await demo.SignInAsync(host, "member"); // Product Engineering: outside Customer Support
        var memberId = (await member.GraphQLAsync("{ me { person { id } } }")).ShouldSucceed().GetProperty("me").GetProperty("person").GetProperty("id").GetGuid();

        using var chris = await demo.SignInAsync(host, "chris"); // leads Customer Support
        var restricted = await PrivateDemo.CreateAsync(chris, "/api/objectives", new
        {
            periodId = demo.CurrentPeriodId, owningUnitId = demo.Units["Customer Support"], title = "Quietly fix the escalation backlog",
            type = "Committed", visibility = "Restricted",
        });
        var keyResult = await PrivateDemo.CreateAsync(chris, "/api/key-results", new
        {
            objectiveId = restricted, title = "Open escalations fall from 40 to 10", metricKind = "Number", direction = "Decrease",
            baseline = 40, target = 10, baselineMethod = "Zendesk view: escalated", ownerId = memberId,
        });
        (await chris.PostAsync($"/api/objectives/{restricted}/activate", null)).EnsureSuccessStatusCode();

        var (asMember, expected) = await BothAsync(member, demo.CurrentPeriodId, asOf: null);
        Ids(asMember).Should().NotContain(keyResult).And.Equal(expected.Select(e => e.KeyResult.GetProperty("id").GetGuid()));
        Ids(asMember).Should().NotBeEmpty();

        var (asChris, expectedForChris) = await BothAsync(chris, demo.CurrentPeriodId, asOf: null);
        Ids(asChris).Should().Contain(keyResult, "Customer Support owns it").And.Equal(expectedForChris.Select(e => e.KeyResult.GetProperty("id").GetGuid()));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Another_organisations_key_results_are_never_given(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var acme = await PrivateDemo.GetAsync(host, "mine");
        var other = await PrivateDemo.GetAsync(host, "mine-other");
        using var member = await acme.SignInAsync(host, "member");

        // Their own period: only their organisation's key results.
        var mine = Ids((await member.GraphQLAsync(Mine, new { p = acme.CurrentPeriodId })).ShouldSucceed());
        mine.Should().NotBeEmpty().And.OnlyContain(id => acme.KeyResults.Values.Contains(id));
        mine.Should().NotIntersectWith(other.KeyResults.Values);

        // The other organisation's period (where a person of the same name has key results): not found, nothing leaks.
        var foreign = await member.GraphQLAsync(Mine, new { p = other.CurrentPeriodId });
        foreign.Status.Should().Be(HttpStatusCode.OK);
        foreign.ShouldFailWith("NOT_FOUND");
        foreign.Data.GetProperty("myKeyResults").ValueKind.Should().Be(JsonValueKind.Null);

        // Signed in but in no organisation: FORBIDDEN; anonymous: UNAUTHENTICATED before anything runs.
        using var newcomer = await host.NewUserAsync();
        (await newcomer.GraphQLAsync("query M($p: ID!) { myKeyResults(periodId: $p) { keyResults { id } } }", new { p = acme.CurrentPeriodId }))
            .ShouldFailWith("FORBIDDEN");
        using var anonymous = host.CreateClient();
        var refused = await anonymous.GraphQLAsync("query M($p: ID!) { myKeyResults(periodId: $p) { keyResults { id } } }", new { p = acme.CurrentPeriodId });
        refused.Status.Should().Be(HttpStatusCode.Unauthorized);
        refused.ShouldFailWith("UNAUTHENTICATED");
    }

    private static Guid? OwnerId(JsonElement keyResult) =>
        keyResult.GetProperty("owner").ValueKind == JsonValueKind.Null ? null : keyResult.GetProperty("owner").GetProperty("id").GetGuid();

    private static List<Guid> Ids(JsonElement data) =>
        data.GetProperty("myKeyResults").GetProperty("keyResults").EnumerateArray().Select(k => k.GetProperty("id").GetGuid()).ToList();

    /// <summary>myKeyResults, and what the okrTree-based rule of My week gives for the same caller.</summary>
    private static async Task<(JsonElement Mine, List<(JsonElement Objective, JsonElement KeyResult)> Expected)> BothAsync(HttpClient client, Guid periodId,
        DateTimeOffset? asOf)
    {
        var mine = (await client.GraphQLAsync(Mine, new { p = periodId, asOf })).ShouldSucceed();
        var tree = (await client.GraphQLAsync(Tree, new { p = periodId, asOf })).ShouldSucceed().GetProperty("okrTree");
        var me = mine.GetProperty("me");
        var expected = TreeRule(tree, me.GetProperty("person").GetProperty("id").GetGuid(),
            me.GetProperty("memberships").EnumerateArray().Select(m => m.GetProperty("unit").GetProperty("id").GetGuid()).ToHashSet());

        var my = mine.GetProperty("myKeyResults");
        my.GetProperty("period").GetProperty("id").GetGuid().Should().Be(periodId);
        my.GetProperty("expectedProgress").GetDouble().Should().Be(tree.GetProperty("expectedProgress").GetDouble());
        return (mine, expected);
    }

    /// <summary>
    /// The rule My week applied to okrTree (client/src/pages/my-week/myWeek.ts before myKeyResults): skip cancelled
    /// objectives; a key result is mine when I own it or it is owned by a unit I am a member of; once each; due first,
    /// then on active objectives, then mine before my units', then the tree's order.
    /// </summary>
    private static List<(JsonElement Objective, JsonElement KeyResult)> TreeRule(JsonElement tree, Guid personId, HashSet<Guid> units)
    {
        var seen = new HashSet<Guid>();
        var items = new List<(JsonElement Objective, JsonElement KeyResult, bool Owner)>();
        foreach (var unit in tree.GetProperty("units").EnumerateArray())
        {
            foreach (var objective in unit.GetProperty("objectives").EnumerateArray())
            {
                if (objective.GetProperty("state").GetString() == "CANCELLED") continue;
                foreach (var keyResult in objective.GetProperty("keyResults").EnumerateArray())
                {
                    var id = keyResult.GetProperty("id").GetGuid();
                    if (seen.Contains(id)) continue;
                    var owner = OwnerId(keyResult) == personId;
                    if (!owner && !units.Contains(keyResult.GetProperty("owningUnit").GetProperty("id").GetGuid())) continue;
                    seen.Add(id);
                    items.Add((objective, keyResult, owner));
                }
            }
        }
        return items
            .OrderByDescending(i => i.KeyResult.GetProperty("checkInDue").GetBoolean())
            .ThenByDescending(i => i.Objective.GetProperty("state").GetString() == "ACTIVE")
            .ThenByDescending(i => i.Owner)
            .Select(i => (i.Objective, i.KeyResult))
            .ToList();
    }

    private static void AssertSameKeyResults(JsonElement mine, List<(JsonElement Objective, JsonElement KeyResult)> expected)
    {
        var actual = mine.GetProperty("myKeyResults").GetProperty("keyResults").EnumerateArray().ToList();
        actual.Should().HaveCount(expected.Count);
        foreach (var (keyResult, (objective, fromTree)) in actual.Zip(expected))
        {
            foreach (var field in new[] { "title", "progress", "status", "checkInDue", "lastCheckInAt", "currentValue", "owner", "owningUnit" })
                keyResult.GetProperty(field).GetRawText().Should().Be(fromTree.GetProperty(field).GetRawText(), field);
            var mineObjective = keyResult.GetProperty("objective");
            foreach (var field in new[] { "id", "title", "state", "owningUnit" })
                mineObjective.GetProperty(field).GetRawText().Should().Be(objective.GetProperty(field).GetRawText(), $"objective {field}");
        }
    }
}
