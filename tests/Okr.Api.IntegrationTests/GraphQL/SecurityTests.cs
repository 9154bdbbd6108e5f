using System.Net;
using System.Net.Http.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.GraphQL;

/// <summary>The same security as REST: sign-in, the organisation filter, restricted objectives hidden but counted.</summary>
[Collection(GraphQLAndFuzzApiTests.Name)]
public sealed class SecurityTests(ApiFixture fixture)
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_restricted_objective_is_hidden_from_those_outside_it_but_still_counted(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "restricted");
        using var admin = await demo.SignInAsync(host);
        using var member = await demo.SignInAsync(host, "member"); // Product Engineering: outside Customer Support

        // Customer Support's lead adds a restricted objective contributing to the company objective.
        using var chris = await demo.SignInAsync(host, "chris");
        var restricted = await PrivateDemo.CreateAsync(chris, "/api/objectives", new
        {
            periodId = demo.CurrentPeriodId, owningUnitId = demo.Units["Customer Support"], title = "Quietly fix the escalation backlog",
            type = "Committed", visibility = "Restricted",
        });
        var keyResult = await PrivateDemo.CreateAsync(chris, "/api/key-results", new
        {
            objectiveId = restricted, title = "Open escalations fall from 40 to 10", metricKind = "Number", direction = "Decrease",
            baseline = 40, target = 10, baselineMethod = "Zendesk view: escalated",
        });
        (await chris.PostAsync($"/api/objectives/{restricted}/activate", null)).EnsureSuccessStatusCode();
        (await chris.PostAsJsonAsync($"/api/objectives/{restricted}/alignments",
            new { parentObjectiveId = demo.Objective(PrivateDemo.CompanyObjective), kind = "Contributes", weight = 1 })).EnsureSuccessStatusCode();
        (await chris.PostAsJsonAsync($"/api/key-results/{keyResult}/check-ins",
            new { value = 31, confidence = 7, narrative = "Two engineers on rotation." })).EnsureSuccessStatusCode();

        const string Company = "query C($id: ID!) { objective(id: $id) { progress hiddenChildCount children { child { id title } } } }";
        var asAdmin = (await admin.GraphQLAsync(Company, new { id = demo.Objective(PrivateDemo.CompanyObjective) })).ShouldSucceed().GetProperty("objective");
        var asMember = (await member.GraphQLAsync(Company, new { id = demo.Objective(PrivateDemo.CompanyObjective) })).ShouldSucceed().GetProperty("objective");
        asMember.GetProperty("progress").GetDouble().Should().Be(asAdmin.GetProperty("progress").GetDouble(), "the restricted child still counts");
        asAdmin.GetProperty("children").EnumerateArray().Should().Contain(c => c.GetProperty("child").GetProperty("id").GetGuid() == restricted);
        asMember.GetProperty("children").EnumerateArray().Should().NotContain(c => c.GetProperty("child").GetProperty("id").GetGuid() == restricted);
        asAdmin.GetProperty("hiddenChildCount").GetInt32().Should().Be(0);
        asMember.GetProperty("hiddenChildCount").GetInt32().Should().Be(1);

        const string Tree = """
            query T($p: ID!, $unit: ID!) {
              okrTree(periodId: $p, rootUnitId: $unit) { root { progress hiddenObjectiveCount objectives { id } } }
              dashboard(periodId: $p, unitId: $unit) { progress objectiveCount keyResultCount hiddenObjectiveCount }
            }
            """;
        var adminTree = (await admin.GraphQLAsync(Tree, new { p = demo.CurrentPeriodId, unit = demo.Units["Customer Support"] })).ShouldSucceed();
        var memberTree = (await member.GraphQLAsync(Tree, new { p = demo.CurrentPeriodId, unit = demo.Units["Customer Support"] })).ShouldSucceed();
        memberTree.GetProperty("okrTree").GetProperty("root").GetProperty("progress").GetDouble()
            .Should().Be(adminTree.GetProperty("okrTree").GetProperty("root").GetProperty("progress").GetDouble());
        memberTree.GetProperty("okrTree").GetProperty("root").GetProperty("objectives").GetArrayLength().Should().Be(1);
        adminTree.GetProperty("okrTree").GetProperty("root").GetProperty("objectives").GetArrayLength().Should().Be(2);
        memberTree.GetProperty("okrTree").GetProperty("root").GetProperty("hiddenObjectiveCount").GetInt32().Should().Be(1);
        memberTree.GetProperty("dashboard").GetProperty("objectiveCount").GetInt32().Should().Be(2);
        memberTree.GetProperty("dashboard").GetProperty("keyResultCount").GetInt32().Should().Be(2);
        memberTree.GetProperty("dashboard").GetProperty("progress").GetDouble()
            .Should().Be(adminTree.GetProperty("dashboard").GetProperty("progress").GetDouble());
        memberTree.GetProperty("dashboard").GetProperty("hiddenObjectiveCount").GetInt32().Should().Be(1);

        // By id, lists, search and the graph: as if it did not exist.
        (await member.GraphQLAsync("query O($id: ID!) { objective(id: $id) { title } }", new { id = restricted })).ShouldFailWith("NOT_FOUND");
        (await member.GraphQLAsync("query K($id: ID!) { keyResult(id: $id) { title } }", new { id = keyResult })).ShouldFailWith("NOT_FOUND");
        (await admin.GraphQLAsync("query O($id: ID!) { objective(id: $id) { title } }", new { id = restricted })).ShouldSucceed();
        var search = (await member.GraphQLAsync("query S($p: ID!) { objectives(filter: { periodId: $p, text: \"escalation\" }) { totalCount } }",
            new { p = demo.CurrentPeriodId })).ShouldSucceed();
        search.GetProperty("objectives").GetProperty("totalCount").GetInt32().Should().Be(0);
        var graph = (await member.GraphQLAsync("query G($p: ID!) { alignmentGraph(periodId: $p) { nodes { id } edges { source } } }",
            new { p = demo.CurrentPeriodId })).ShouldSucceed().GetProperty("alignmentGraph");
        graph.GetProperty("nodes").EnumerateArray().Should().NotContain(n => n.GetProperty("id").GetGuid() == restricted);
        graph.GetProperty("edges").EnumerateArray().Should().NotContain(e => e.GetProperty("source").GetGuid() == restricted);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Ids_of_another_organisation_are_not_found(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "numbers");
        using var outsider = await host.NewUserAsync();
        (await outsider.PostAsJsonAsync("/api/organizations", new { name = "Globex" })).EnsureSuccessStatusCode();

        var response = await outsider.GraphQLAsync("""
            query Foreign($objective: ID!, $keyResult: ID!, $period: ID!, $unit: ID!) {
              objective(id: $objective) { title }
              keyResult(id: $keyResult) { title }
              period(id: $period) { name }
              orgUnit(id: $unit) { name }
              okrTree(periodId: $period) { progress }
              dashboard(periodId: $period) { progress }
              alignmentGraph(periodId: $period) { nodes { id } }
              okrFindings(periodId: $period) { ruleId }
            }
            """, new
        {
            objective = demo.Objective(PrivateDemo.CompanyObjective),
            keyResult = demo.KeyResult("ACV increases"),
            period = demo.CurrentPeriodId,
            unit = demo.Units["Marketing"],
        });

        response.Status.Should().Be(HttpStatusCode.OK, "field errors do not fail the request");
        response.ErrorCodes.Should().HaveCount(8).And.OnlyContain(code => code == "NOT_FOUND");
        foreach (var field in new[] { "objective", "keyResult", "period", "orgUnit", "okrTree", "dashboard", "alignmentGraph", "okrFindings" })
            response.Data.GetProperty(field).ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        response.Text.Should().NotContain("Acme").And.NotContain("Make it easy");
    }

    [Fact]
    public async Task Anonymous_callers_get_401_UNAUTHENTICATED_and_may_only_introspect()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var anonymous = host.CreateClient();

        var refused = await anonymous.GraphQLAsync("{ organization { name } }");
        refused.Status.Should().Be(HttpStatusCode.Unauthorized);
        refused.MediaType.Should().Be(GraphQLClient.GraphQLResponseMediaType);
        refused.ShouldFailWith("UNAUTHENTICATED");
        refused.Body.TryGetProperty("data", out _).Should().BeFalse("nothing was executed");
        refused.Message.Headers.WwwAuthenticate.Should().ContainSingle(h => h.Scheme == "Bearer");

        var legacy = await anonymous.GraphQLAsync("query { me { email } }", accept: "application/json");
        legacy.Status.Should().Be(HttpStatusCode.Unauthorized);
        legacy.ShouldFailWith("UNAUTHENTICATED");

        var introspection = await anonymous.GraphQLAsync("query { __schema { queryType { name } } __typename }");
        introspection.ShouldSucceed().GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString().Should().Be("Query");
    }

    [Fact]
    public async Task A_signed_in_user_without_an_organisation_sees_who_they_are_and_nothing_else()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var newcomer = await host.NewUserAsync("newcomer-" + Guid.NewGuid().ToString("N") + "@example.com");

        var response = await newcomer.GraphQLAsync("{ me { email person { id } organization { id } memberships { role } } organization { name } }");

        response.Data.GetProperty("me").GetProperty("email").GetString().Should().StartWith("newcomer-");
        response.Data.GetProperty("me").GetProperty("person").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        response.Data.GetProperty("me").GetProperty("memberships").GetArrayLength().Should().Be(0);
        response.Data.GetProperty("organization").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        response.ShouldFailWith("FORBIDDEN");
    }
}
