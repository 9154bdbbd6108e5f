using System.Text.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.OkrGraph.Queries.GetOkrTree;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.GraphQL;

/// <summary>
/// Answers bounded by what is asked (ADR 0013): a tree a level at a time, the dashboard's most important flagged key
/// results with complete counts; each with the same numbers as the unbounded answer.
/// </summary>
[Collection(GraphQLAndFuzzApiTests.Name)]
public sealed class BoundedAnswerTests(ApiFixture fixture)
{
    private const string Tree = """
        query($p: ID!, $root: ID, $depth: Int) {
          okrTree(periodId: $p, rootUnitId: $root, depth: $depth) {
            progress
            units { id depth progress progressWithDescendants objectives { id progress } }
          }
        }
        """;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_tree_fetched_a_level_at_a_time_has_the_numbers_of_the_whole_tree(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "levels");
        using var admin = await demo.SignInAsync(host);

        var whole = (await admin.GraphQLAsync(Tree, new { p = demo.CurrentPeriodId })).ShouldSucceed().GetProperty("okrTree");
        var top = (await admin.GraphQLAsync(Tree, new { p = demo.CurrentPeriodId, depth = 1 })).ShouldSucceed().GetProperty("okrTree");

        var wholeUnits = Units(whole);
        var topUnits = Units(top);
        wholeUnits.Values.Max(u => u.GetProperty("depth").GetInt32()).Should().BeGreaterThan(1, "the demo is deeper than one level");
        topUnits.Values.Should().OnlyContain(u => u.GetProperty("depth").GetInt32() <= 1);
        topUnits.Keys.Should().BeEquivalentTo(wholeUnits.Where(u => u.Value.GetProperty("depth").GetInt32() <= 1).Select(u => u.Key));
        top.GetProperty("progress").GetDouble().Should().BeApproximately(whole.GetProperty("progress").GetDouble(), 1e-12);
        foreach (var (id, unit) in topUnits)
        {
            unit.GetProperty("progress").GetDouble().Should().BeApproximately(wholeUnits[id].GetProperty("progress").GetDouble(), 1e-12);
            unit.GetProperty("progressWithDescendants").GetDouble().Should().BeApproximately(wholeUnits[id].GetProperty("progressWithDescendants").GetDouble(), 1e-12,
                "the units at the cut still count everything below them");
            Ids(unit.GetProperty("objectives")).Should().BeEquivalentTo(Ids(wholeUnits[id].GetProperty("objectives")));
        }

        // The next level: a child of the company as the root, one level down.
        var child = topUnits.Values.First(u => u.GetProperty("depth").GetInt32() == 1 && wholeUnits.Values.Any(w => w.GetProperty("depth").GetInt32() == 2));
        var next = (await admin.GraphQLAsync(Tree, new { p = demo.CurrentPeriodId, root = child.GetProperty("id").GetString(), depth = 1 })).ShouldSucceed()
            .GetProperty("okrTree");
        foreach (var (id, unit) in Units(next))
            unit.GetProperty("progressWithDescendants").GetDouble().Should().BeApproximately(wholeUnits[id].GetProperty("progressWithDescendants").GetDouble(), 1e-12);

        var refused = await admin.GraphQLAsync(Tree, new { p = demo.CurrentPeriodId, depth = -1 });
        refused.ErrorCodes.Should().Contain("VALIDATION");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_company_tree_a_level_at_a_time_reads_each_units_maintained_progress_and_no_objective_below_the_cut(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "levels");
        using var admin = await demo.SignInAsync(host);
        var whole = Units((await admin.GraphQLAsync(Tree, new { p = demo.CurrentPeriodId })).ShouldSucceed().GetProperty("okrTree"));
        var belowTheCut = whole.Values.Where(u => u.GetProperty("depth").GetInt32() > 1).Select(u => u.GetProperty("id").GetString()!).ToList();
        belowTheCut.Should().NotBeEmpty("the demo is deeper than one level");
        whole.Values.Where(u => u.GetProperty("depth").GetInt32() > 1).Sum(u => u.GetProperty("objectives").GetArrayLength())
            .Should().BeGreaterThan(0, "there are objectives below the cut, so reading them would show");

        var tag = Guid.NewGuid().ToString("N");
        var top = Units((await admin.GraphQLAsync(Tree, new { p = demo.CurrentPeriodId, depth = 1 }, countTag: tag)).ShouldSucceed().GetProperty("okrTree"));
        var statements = SqlStatementCounter.TakeWithParameters(tag);

        top.Values.Should().OnlyContain(u => u.GetProperty("depth").GetInt32() <= 1);
        var objectiveReads = statements.Where(s => s.Text.Contains("FROM \"Objectives\"", StringComparison.Ordinal)).ToList();
        objectiveReads.Should().NotBeEmpty("the tree reads the objectives of its two levels");
        objectiveReads.Should().OnlyContain(s => !belowTheCut.Any(unit => s.Parameters.Contains(unit, StringComparison.OrdinalIgnoreCase)),
            "the progress of the units at the cut comes from their maintained rows, not from the objectives below them");
        var rowReads = statements.Where(s => s.Text.Contains("FROM \"UnitProgress\"", StringComparison.Ordinal)).ToList();
        rowReads.Should().ContainSingle("one statement reads the units' rows");
        belowTheCut.Should().NotContain(unit => rowReads[0].Parameters.Contains(unit, StringComparison.OrdinalIgnoreCase),
            "only the rows of the units in the answer are read");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_dashboard_lists_the_most_important_flagged_key_results_and_keeps_the_full_counts(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "needs-attention");
        using var admin = await demo.SignInAsync(host);
        const string query = """
            query($p: ID!, $n: Int) {
              dashboard(periodId: $p, needsAttention: $n) {
                keyResultsByStatus { atRisk offTrack stale }
                atRisk { keyResult { id } } offTrack { keyResult { id } } stale { keyResult { id } }
              }
            }
            """;

        var all = (await admin.GraphQLAsync(query, new { p = demo.CurrentPeriodId })).ShouldSucceed().GetProperty("dashboard");
        var one = (await admin.GraphQLAsync(query, new { p = demo.CurrentPeriodId, n = 1 })).ShouldSucceed().GetProperty("dashboard");

        one.GetProperty("keyResultsByStatus").GetRawText().Should().Be(all.GetProperty("keyResultsByStatus").GetRawText());
        var flaggedSomewhere = false;
        foreach (var list in new[] { "atRisk", "offTrack", "stale" })
        {
            var full = Ids(all.GetProperty(list), "keyResult");
            var first = Ids(one.GetProperty(list), "keyResult");
            first.Should().Equal(full.Take(1), $"{list} keeps the most important first");
            flaggedSomewhere |= full.Count > 1;
        }
        flaggedSomewhere.Should().BeTrue("the demo flags more than one key result somewhere, so the bound shows");

        var refused = await admin.GraphQLAsync(query, new { p = demo.CurrentPeriodId, n = 100_000 });
        refused.ErrorCodes.Should().Contain("VALIDATION");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_units_dashboard_lists_the_blocked_initiatives_of_its_units_and_of_its_key_results_only(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "needs-attention");
        using var admin = await demo.SignInAsync(host);
        const string query =
            "query($p: ID!, $unit: ID) { dashboard(periodId: $p, unitId: $unit, includeDescendants: false) { blockedInitiatives { title } } }";
        async Task<List<string>> BlockedAsync(string unit) =>
            (await admin.GraphQLAsync(query, new { p = demo.CurrentPeriodId, unit = demo.Units[unit] })).ShouldSucceed()
                .GetProperty("dashboard").GetProperty("blockedInitiatives").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();
        const string blocked = "One-to-few campaign playbook for low-usage enterprises";

        (await BlockedAsync("Customer Marketing")).Should().Contain(blocked, "the unit owns the initiative");
        (await BlockedAsync("Marketing")).Should().Contain(blocked, "it moves a key result of Marketing's objective");
        (await BlockedAsync("Product Engineering")).Should().NotContain(blocked, "neither its unit nor its key results");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_units_tree_and_dashboard_read_only_its_own_units_and_have_the_numbers_of_the_company_wide_answer(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "subtree");
        using var admin = await demo.SignInAsync(host);
        const string dashboard = """
            query($p: ID!, $unit: ID, $all: Boolean) {
              dashboard(periodId: $p, unitId: $unit, includeDescendants: $all) {
                progress objectiveCount keyResultCount hiddenObjectiveCount checkInCompliance
                keyResultsByStatus { onTrack atRisk offTrack stale notStarted achieved missed }
                atRisk { keyResult { id } } offTrack { keyResult { id } } stale { keyResult { id } } blockedInitiatives { id }
              }
            }
            """;

        // The company-wide tree reads the whole directory; the numbers every unit's own answers must match.
        var whole = Units((await admin.GraphQLAsync(Tree, new { p = demo.CurrentPeriodId })).ShouldSucceed().GetProperty("okrTree"));
        var parents = whole.Values.Where(u => u.GetProperty("depth").GetInt32() >= 1 && whole.Values.Any(c => c.GetProperty("depth").GetInt32() > u.GetProperty("depth").GetInt32()))
            .Select(u => u.GetProperty("id").GetString()!).ToList();
        parents.Should().NotBeEmpty("the demo has units with units below them below the company");
        foreach (var root in parents.Take(3))
        {
            var tag = Guid.NewGuid().ToString("N");
            var subtree = Units((await admin.GraphQLAsync(Tree, new { p = demo.CurrentPeriodId, root }, countTag: tag)).ShouldSucceed().GetProperty("okrTree"));
            NoWholeDirectoryRead(SqlStatementCounter.Take(tag), "a unit's tree");
            subtree.Should().NotBeEmpty();
            foreach (var (id, unit) in subtree)
            {
                unit.GetProperty("progress").GetDouble().Should().BeApproximately(whole[id].GetProperty("progress").GetDouble(), 1e-12);
                unit.GetProperty("progressWithDescendants").GetDouble().Should().BeApproximately(whole[id].GetProperty("progressWithDescendants").GetDouble(), 1e-12);
                Ids(unit.GetProperty("objectives")).Should().BeEquivalentTo(Ids(whole[id].GetProperty("objectives")));
            }

            foreach (var all in new[] { true, false })
            {
                // The reference: the same dashboard in a request that read the whole directory first (root fields run in order).
                var reference = (await admin.GraphQLAsync("query($p: ID!, $unit: ID, $all: Boolean) { orgUnits { id } " + dashboard[(dashboard.IndexOf('{') + 1)..],
                    new { p = demo.CurrentPeriodId, unit = root, all })).ShouldSucceed().GetProperty("dashboard");
                var dtag = Guid.NewGuid().ToString("N");
                var scoped = (await admin.GraphQLAsync(dashboard, new { p = demo.CurrentPeriodId, unit = root, all }, countTag: dtag)).ShouldSucceed()
                    .GetProperty("dashboard");
                NoWholeDirectoryRead(SqlStatementCounter.Take(dtag), "a unit's dashboard");
                scoped.GetRawText().Should().Be(reference.GetRawText(), $"the dashboard of {root} (descendants: {all}) is the same from its own units");
            }
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_units_alignment_graph_reads_only_its_own_units_and_is_the_graph_computed_from_the_whole_period(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "graph");
        using var admin = await demo.SignInAsync(host);
        const string graph = """
            alignmentGraph(periodId: $p, rootUnitId: $root) {
              rootUnit { id }
              nodes { id label unitId unitName progress status state external level }
              edges { id source target targetKeyResultId kind weight counted }
            }
            """;

        var units = (await admin.GraphQLAsync(Tree, new { p = demo.CurrentPeriodId })).ShouldSucceed().GetProperty("okrTree").GetProperty("units")
            .EnumerateArray().Where(u => u.GetProperty("depth").GetInt32() >= 1).Select(u => u.GetProperty("id").GetString()!).ToList();
        var checkedExternal = false;
        foreach (var root in units.Take(4))
        {
            // The reference: the same graph in a request that computed the whole period first (root fields run in order).
            var reference = (await admin.GraphQLAsync("query($p: ID!, $root: ID) { okrTree(periodId: $p) { progress } " + graph + " }",
                new { p = demo.CurrentPeriodId, root })).ShouldSucceed().GetProperty("alignmentGraph");
            var tag = Guid.NewGuid().ToString("N");
            var scoped = (await admin.GraphQLAsync("query($p: ID!, $root: ID) { " + graph + " }", new { p = demo.CurrentPeriodId, root }, countTag: tag))
                .ShouldSucceed().GetProperty("alignmentGraph");
            NoWholeDirectoryRead(SqlStatementCounter.Take(tag), "a unit's alignment graph");
            scoped.GetRawText().Should().Be(reference.GetRawText(), $"the alignment graph of {root} is the same from its own units and objectives");
            checkedExternal |= scoped.GetProperty("nodes").EnumerateArray().Any(n => n.GetProperty("external").GetBoolean());
        }
        checkedExternal.Should().BeTrue("some unit's graph reaches objectives outside it (its parent's), so the other ends are compared too");
    }

    [Fact]
    public async Task A_tree_larger_than_one_answer_may_carry_is_refused_with_a_code_and_is_fetched_a_level_at_a_time()
    {
        const string sizes = "query($p: ID!, $depth: Int) { okrTree(periodId: $p, depth: $depth) { units { hiddenObjectiveCount objectives { id } } } }";
        static int Objectives(JsonElement tree) => tree.GetProperty("units").EnumerateArray()
            .Sum(u => u.GetProperty("objectives").GetArrayLength() + u.GetProperty("hiddenObjectiveCount").GetInt32());

        // The demo's sizes, read from a host of its own with the default limit (the shared hosts' demos change as other
        // tests write), then a host on the same database that allows exactly the first level's objectives in one answer.
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        int whole, top;
        Guid periodId;
        await using (var first = new OkrApiFactory(database, ownsDatabase: false))
        {
            periodId = (await Demo.LoadAsync(first)).CurrentPeriodId;
            using var admin = await first.SignedInAsync("admin@acme.test");
            whole = Objectives((await admin.GraphQLAsync(sizes, new { p = periodId })).ShouldSucceed().GetProperty("okrTree"));
            top = Objectives((await admin.GraphQLAsync(sizes, new { p = periodId, depth = 1 })).ShouldSucceed().GetProperty("okrTree"));
        }
        top.Should().BeLessThan(whole, "the demo has objectives below the first level");

        await using var host = new OkrApiFactory(database, settings: new Dictionary<string, string?>
        {
            ["GraphQL:MaxTreeObjectives"] = top.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var limited = await host.SignedInAsync("admin@acme.test");

        var refused = await limited.GraphQLAsync(sizes, new { p = periodId });
        refused.ErrorCodes.Should().Equal(GetOkrTree.TooLarge);
        refused.Text.Should().Contain($"holds {whole:N0} objectives").And.Contain("depth: 1");
        Objectives((await limited.GraphQLAsync(sizes, new { p = periodId, depth = 1 })).ShouldSucceed().GetProperty("okrTree")).Should().Be(top);

        // The company's alignment graph holds every objective of the period: refused the same way.
        var graph = await limited.GraphQLAsync("query($p: ID!) { alignmentGraph(periodId: $p) { nodes { id } } }", new { p = periodId });
        graph.ErrorCodes.Should().Equal(GetOkrTree.TooLarge);
        graph.Text.Should().Contain($"holds {whole:N0} objectives").And.Contain("rootUnitId");
    }

    /// <summary>Every read of the units table names the units it wants (by id or parent), none reads the directory whole.</summary>
    private static void NoWholeDirectoryRead(IReadOnlyList<string> statements, string what)
    {
        var unitReads = statements.Where(s => s.Contains("FROM \"OrgUnits\"", StringComparison.Ordinal)).ToList();
        unitReads.Should().NotBeEmpty($"{what} reads units");
        unitReads.Should().OnlyContain(s => s.Contains("json_each", StringComparison.Ordinal) || s.Contains("ANY (", StringComparison.Ordinal),
            $"{what} reads its units by id or parent, not the organisation's whole directory");
    }

    private static Dictionary<string, JsonElement> Units(JsonElement tree) =>
        tree.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("id").GetString()!);

    private static List<string> Ids(JsonElement list, string? inner = null) =>
        list.EnumerateArray().Select(e => (inner is null ? e : e.GetProperty(inner)).GetProperty("id").GetString()!).ToList();
}
