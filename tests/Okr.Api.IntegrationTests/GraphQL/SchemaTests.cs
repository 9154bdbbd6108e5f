using System.Text.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Domain.Computations;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.GraphQL;

/// <summary>The rest of the schema against the demo: directory, grades and retrospectives, alignment graph, coach, search.</summary>
[Collection(GraphQLAndFuzzApiTests.Name)]
public sealed class SchemaTests(ApiFixture fixture)
{
    private static readonly string[] OffTrack = ["OFF_TRACK"];
    private static readonly string[] Aspirational = ["ASPIRATIONAL"];
    private static readonly string[] Active = ["ACTIVE"];

    private static List<JsonElement> Items(JsonElement element, string name) => element.GetProperty(name).EnumerateArray().ToList();

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Me_the_organisation_periods_and_the_unit_tree(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "numbers");
        using var lead = await demo.SignInAsync(host, "lead");

        var data = (await lead.GraphQLAsync("""
            query Directory($company: ID!, $usSales: ID!, $period: ID!) {
              me { email role person { displayName } memberships { role unit { name } } organization { settings { checkInCadenceDays committedSuccessThreshold } } }
              periods { name kind state }
              period(id: $period) { name kind state parent { kind } checkpoints { name date done } focusAreas { title } expectedProgress }
              orgUnits { name kind }
              children: orgUnits(parentId: $company) { name }
              orgUnit(id: $usSales) {
                name kind parent { name } ancestors { name } children { name }
                members { role person { displayName } }
                objectives(periodId: $period) { title }
                progress(periodId: $period)
                withDescendants: progress(periodId: $period, includeDescendants: true)
              }
            }
            """, new { company = demo.Units["Acme"], usSales = demo.Units["US Sales"], period = demo.CurrentPeriodId })).ShouldSucceed();

        var me = data.GetProperty("me");
        Text(me, "email").Should().Be($"{demo.Prefix}lead@acme.test");
        Text(me.GetProperty("person"), "displayName").Should().Be("Lee Lead");
        Items(me, "memberships").Select(m => $"{Text(m, "role")} {Text(m.GetProperty("unit"), "name")}")
            .Should().BeEquivalentTo("MEMBER Acme", "LEAD Product Management");
        me.GetProperty("organization").GetProperty("settings").GetProperty("checkInCadenceDays").GetInt32().Should().Be(7);

        Items(data, "periods").Select(p => Text(p, "kind")).Should().Contain(["YEAR", "QUARTER"]);
        var period = data.GetProperty("period");
        Text(period, "state").Should().Be("ACTIVE");
        Text(period.GetProperty("parent"), "kind").Should().Be("YEAR");
        period.GetProperty("checkpoints").GetArrayLength().Should().Be(6);
        period.GetProperty("focusAreas").GetArrayLength().Should().Be(0, "the focus areas belong to the year");
        period.GetProperty("expectedProgress").GetDouble().Should().BeInRange(0, 1);

        Items(data, "orgUnits").Select(u => Text(u, "name")).Should().Equal("Acme");
        Items(data, "children").Select(u => Text(u, "name")).Should().BeEquivalentTo(
            "Marketing", "Product Management", "Global Sales", "Customer Support");
        var usSales = data.GetProperty("orgUnit");
        Text(usSales.GetProperty("parent"), "name").Should().Be("Global Sales");
        Items(usSales, "ancestors").Select(u => Text(u, "name")).Should().Equal("Global Sales", "Acme");
        Items(usSales, "members").Select(m => $"{Text(m, "role")} {Text(m.GetProperty("person"), "displayName")}").Should().Equal("LEAD Jorge Alvarez");
        Items(usSales, "objectives").Should().ContainSingle();
        usSales.GetProperty("progress").GetDouble().Should().Be(usSales.GetProperty("withDescendants").GetDouble());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Closed_objectives_have_grades_statuses_from_the_thresholds_and_a_retrospective(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "numbers");
        using var admin = await demo.SignInAsync(host);

        var tree = (await admin.GraphQLAsync("""
            query Previous($p: ID!) {
              okrTree(periodId: $p) { units { objectives {
                id title type state status grade computedGrade
                retrospective { wentWell learned improve writtenBy { displayName } }
                keyResults { title grade status isFinancial weight }
              } } }
            }
            """, new { p = demo.PreviousPeriodId })).ShouldSucceed().GetProperty("okrTree");
        var objectives = Items(tree, "units").SelectMany(u => Items(u, "objectives")).ToList();
        objectives.Should().HaveCount(2).And.OnlyContain(o => Text(o, "state") == "CLOSED");

        foreach (var objective in objectives)
        {
            var keyResults = Items(objective, "keyResults").ToList();
            var threshold = Text(objective, "type") == "COMMITTED" ? 0.85 : 0.7;
            foreach (var keyResult in keyResults)
            {
                var grade = keyResult.GetProperty("grade").GetDouble();
                Text(keyResult, "status").Should().Be(grade + 1e-9 >= (keyResult.GetProperty("isFinancial").GetBoolean() ? 1.0 : threshold) ? "ACHIEVED" : "MISSED");
            }
            objective.GetProperty("grade").GetDouble().Should().Be(Grading.GradeObjective(keyResults.Select(k =>
                new WeightedScore(k.GetProperty("grade").GetDouble(), k.GetProperty("weight").GetDecimal()))));
            Text(objective.GetProperty("retrospective").GetProperty("writtenBy"), "displayName").Should().NotBeNullOrEmpty();
        }
        var support = objectives.Single(o => Text(o, "title")!.StartsWith("Reduce the number of support tickets", StringComparison.Ordinal));
        Items(support, "keyResults").Select(k => Text(k, "status")).Should().BeEquivalentTo("MISSED", "ACHIEVED");
        Text(support, "status").Should().Be("MISSED", "the worst of its key results");

        var rolled = (await admin.GraphQLAsync("query R($id: ID!) { objective(id: $id) { rolledOverFrom { id state } } }",
            new { id = demo.Objective("Reduce the number of support tickets") })).ShouldSucceed();
        rolled.GetProperty("objective").GetProperty("rolledOverFrom").GetProperty("id").GetGuid().Should().Be(support.GetProperty("id").GetGuid());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Key_results_and_objectives_carry_their_work_metrics_notes_and_people(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "numbers");
        using var admin = await demo.SignInAsync(host);

        var data = (await admin.GraphQLAsync("""
            query Details($kr: ID!, $objective: ID!, $discussed: ID!) {
              discussed: keyResult(id: $discussed) { comments { text author { displayName } } }
              keyResult(id: $kr) {
                title owner { displayName } owningUnit { name } objective { title }
                initiatives { title status externalReference { system key url } keyResults { id } }
                kpis { name direction healthyMax values(last: 3) { value healthy } latestValue { value } owningUnit { name } }
                annotations { kind text author { displayName } }
              }
              objective(id: $objective) {
                owner { displayName } owningUnit { name } period { name } focusArea { title }
                raci { role person { displayName } }
                comments { text author { displayName } }
              }
            }
            """, new { kr = demo.KeyResult("10% reduction in password reset tickets"), objective = demo.Objective(PrivateDemo.CompanyObjective),
                discussed = demo.KeyResult("Targeted one-to-few campaigns") })).ShouldSucceed();

        var keyResult = data.GetProperty("keyResult");
        Text(keyResult.GetProperty("owner"), "displayName").Should().Be("Chris Lindqvist");
        var initiative = Items(keyResult, "initiatives").Single();
        Text(initiative, "status").Should().Be("DONE");
        Text(initiative.GetProperty("externalReference"), "key").Should().Be("SUP-57");
        var kpi = Items(keyResult, "kpis").Single();
        Text(kpi, "direction").Should().Be("LOWER_IS_BETTER");
        kpi.GetProperty("values").GetArrayLength().Should().Be(3);
        Items(keyResult, "annotations").Single().GetProperty("kind").GetString().Should().Be("CHANGE");

        var objective = data.GetProperty("objective");
        Text(objective.GetProperty("focusArea"), "title").Should().Be("Retain and expand Tier 1 and 2");
        Items(objective, "raci").Select(r => Text(r, "role")).Should().Contain(["ACCOUNTABLE", "RESPONSIBLE", "CONSULTED", "INFORMED"]);
        Text(Items(objective, "comments").Single().GetProperty("author"), "displayName").Should().Be("Sam Okafor");
        Text(Items(data.GetProperty("discussed"), "comments").Single().GetProperty("author"), "displayName").Should().Be("Avery Admin");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_alignment_graph_has_nodes_and_edges_ready_to_draw(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "numbers");
        using var admin = await demo.SignInAsync(host);
        const string Query = """
            query Graph($p: ID!, $root: ID) {
              alignmentGraph(periodId: $p, rootUnitId: $root) {
                nodes { id label unitName progress status external level objective { progress } }
                edges { id source target targetKeyResultId kind weight counted }
              }
            }
            """;

        var whole = (await admin.GraphQLAsync(Query, new { p = demo.CurrentPeriodId })).ShouldSucceed().GetProperty("alignmentGraph");
        var nodes = Items(whole, "nodes").ToDictionary(n => n.GetProperty("id").GetGuid());
        var edges = Items(whole, "edges").ToList();
        nodes.Should().HaveCount(9);
        edges.Should().HaveCount(10);
        edges.Should().OnlyContain(e => nodes.ContainsKey(e.GetProperty("source").GetGuid()) && nodes.ContainsKey(e.GetProperty("target").GetGuid()));
        edges.Count(e => e.GetProperty("counted").GetBoolean()).Should().Be(7);
        edges.Should().OnlyContain(e => e.GetProperty("counted").GetBoolean() == (Text(e, "kind") == "CONTRIBUTES"));
        nodes[demo.Objective(PrivateDemo.CompanyObjective)].GetProperty("level").GetInt32().Should().Be(0);
        nodes[demo.Objective("Because it's cheaper")].GetProperty("level").GetInt32().Should().Be(2);
        nodes.Values.Should().OnlyContain(n => !n.GetProperty("external").GetBoolean()
            && n.GetProperty("progress").GetDouble() == n.GetProperty("objective").GetProperty("progress").GetDouble());
        edges.Single(e => e.GetProperty("source").GetGuid() == demo.Objective("Define the CMO delight"))
            .GetProperty("targetKeyResultId").GetGuid().Should().Be(demo.KeyResult("75% of Tier 1 and 2 customers are active weekly"));

        var marketing = (await admin.GraphQLAsync(Query, new { p = demo.CurrentPeriodId, root = demo.Units["Marketing"] })).ShouldSucceed().GetProperty("alignmentGraph");
        Items(marketing, "nodes").Select(n => (Text(n, "unitName"), n.GetProperty("external").GetBoolean())).Should().BeEquivalentTo(
            [("Marketing", false), ("Customer Marketing", false), ("Acme", true)]);
        Items(marketing, "edges").Should().HaveCount(3);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_coach_reviews_the_period_and_each_finding_names_its_subject(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "numbers");
        using var admin = await demo.SignInAsync(host);
        const string Query = """
            query Findings($p: ID!, $unit: ID) {
              okrFindings(periodId: $p, unitId: $unit) {
                ruleId severity message subject subjectId
                objective { title owningUnit { name } } keyResult { title objective { owningUnit { name } } } unit { name }
              }
            }
            """;

        var findings = Items((await admin.GraphQLAsync(Query, new { p = demo.CurrentPeriodId })).ShouldSucceed(), "okrFindings").ToList();
        findings.Select(f => Text(f, "ruleId")).Should().Contain(["objective.title_has_numbers", "key_result.stale", "key_result.no_baseline_method"]);
        findings.Single(f => Text(f, "ruleId") == "key_result.stale").GetProperty("keyResult").GetProperty("title").GetString()
            .Should().Be("Average cubist demo score goes from 62 to 70");
        foreach (var finding in findings)
        {
            var subject = Text(finding, "subject");
            var named = subject switch { "OBJECTIVE" => "objective", "KEY_RESULT" => "keyResult", "UNIT" => "unit", _ => null };
            if (named is not null)
                finding.GetProperty(named).ValueKind.Should().Be(JsonValueKind.Object, Text(finding, "ruleId"));
        }
        findings.Select(f => Text(f, "severity")).Should().BeInDescendingOrder(Comparer<string?>.Create((a, b) => Rank(a).CompareTo(Rank(b))));

        // A unit's findings: its own and those of the units below it (Global Sales has the stale key result).
        var sales = Items((await admin.GraphQLAsync(Query, new { p = demo.CurrentPeriodId, unit = demo.Units["Global Sales"] })).ShouldSucceed(), "okrFindings").ToList();
        sales.Should().NotBeEmpty().And.HaveCountLessThan(findings.Count);
        sales.Select(f => Text(f, "subject") switch
            {
                "OBJECTIVE" => Text(f.GetProperty("objective").GetProperty("owningUnit"), "name"),
                "KEY_RESULT" => Text(f.GetProperty("keyResult").GetProperty("objective").GetProperty("owningUnit"), "name"),
                _ => Text(f.GetProperty("unit"), "name"),
            }).Should().OnlyContain(unit => unit == "Global Sales" || unit == "US Sales");

        static int Rank(string? severity) => severity switch { "ERROR" => 2, "WARNING" => 1, _ => 0 };
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Objectives_are_searched_and_paged_with_cursors(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "numbers");
        using var admin = await demo.SignInAsync(host);
        const string Query = """
            query Search($filter: ObjectiveFilter, $first: Int, $after: String) {
              objectives(filter: $filter, first: $first, after: $after) {
                totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges { cursor node { title status state type } }
                nodes { title }
              }
            }
            """;

        var filter = new { periodId = demo.CurrentPeriodId, unitId = demo.Units["Marketing"], includeDescendants = true };
        var first = (await admin.GraphQLAsync(Query, new { filter, first = 1 })).ShouldSucceed().GetProperty("objectives");
        first.GetProperty("totalCount").GetInt32().Should().Be(2);
        first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean().Should().BeTrue();
        first.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean().Should().BeFalse();
        var second = (await admin.GraphQLAsync(Query, new { filter, first = 1, after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() }))
            .ShouldSucceed().GetProperty("objectives");
        second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean().Should().BeFalse();
        second.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean().Should().BeTrue();
        Text(Items(second, "nodes").Single(), "title").Should().NotBe(Text(Items(first, "nodes").Single(), "title"));

        var offTrack = (await admin.GraphQLAsync(Query, new { filter = new { periodId = demo.CurrentPeriodId, statuses = OffTrack } }))
            .ShouldSucceed().GetProperty("objectives");
        Items(offTrack, "nodes").Select(n => Text(n, "title")).Should().Contain("Marketing enables Customer Success as much as it does Sales");
        Items(offTrack, "edges").Should().OnlyContain(e => Text(e.GetProperty("node"), "status") == "OFF_TRACK");

        var text = (await admin.GraphQLAsync(Query, new { filter = new { periodId = demo.CurrentPeriodId, text = "cmo", types = Aspirational, states = Active } }))
            .ShouldSucceed().GetProperty("objectives");
        Items(text, "edges").Should().NotBeEmpty().And.OnlyContain(e => Text(e.GetProperty("node"), "type") == "ASPIRATIONAL" && Text(e.GetProperty("node"), "state") == "ACTIVE");

        // Across every period, case-insensitive, in title, description and success criteria: the same as filtering
        // everything by hand.
        const string Everything = """
            query All($filter: ObjectiveFilter) { objectives(filter: $filter, first: 100) { totalCount nodes { id title description successCriteria } } }
            """;
        var all = Items((await admin.GraphQLAsync(Everything, new { filter = new { } })).ShouldSucceed().GetProperty("objectives"), "nodes");
        all.Count.Should().BeLessThan(100, "the page holds every objective");
        bool Mentions(JsonElement n, string field) => n.GetProperty(field).GetString()?.Contains("cmo", StringComparison.OrdinalIgnoreCase) == true;
        var expected = all.Where(n => Mentions(n, "title") || Mentions(n, "description") || Mentions(n, "successCriteria"))
            .Select(n => n.GetProperty("id").GetString()).ToList();
        var searched = Items((await admin.GraphQLAsync(Everything, new { filter = new { text = " CmO " } })).ShouldSucceed().GetProperty("objectives"), "nodes")
            .Select(n => n.GetProperty("id").GetString()).ToList();
        expected.Should().NotBeEmpty();
        searched.Should().BeEquivalentTo(expected);

        (await admin.GraphQLAsync(Query, new { first = 500 })).ShouldFailWith("VALIDATION");
        (await admin.GraphQLAsync(Query, new { after = "not-a-cursor" })).ShouldFailWith("VALIDATION");
    }
}
