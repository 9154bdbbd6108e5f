using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.Objectives.Dtos;
using Okr.Domain.Objectives;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests;

/// <summary>
/// The contract says what the server does (ADR 0018): one enumeration spelling for REST and GraphQL, fields required
/// only when the server requires them, no 412 on reads.
/// </summary>
[Collection(ApiTests.Name)]
public sealed partial class ContractSpellingTests(ApiFixture fixture)
{
    private static string RepositoryFile(string relative) => ContractTests.RepositoryFile(relative);

    private static JsonObject OpenApi() => JsonNode.Parse(File.ReadAllText(RepositoryFile("openapi.json")))!.AsObject();

    [Fact]
    public void REST_and_GraphQL_spell_every_shared_enumeration_alike()
    {
        var graphQL = GraphQLEnum().Matches(File.ReadAllText(RepositoryFile("schema.graphql")))
            .ToDictionary(m => m.Groups["name"].Value, m => Description().Replace(m.Groups["values"].Value, " ")
                .Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        var rest = OpenApi()["components"]!["schemas"]!.AsObject()
            .Where(s => s.Value!["enum"] is JsonArray)
            .ToDictionary(s => s.Key, s => s.Value!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray());

        rest.Values.SelectMany(v => v).Should().OnlyContain(v => ScreamingSnake().IsMatch(v), "REST writes SCREAMING_SNAKE_CASE");
        var shared = rest.Keys.Intersect(graphQL.Keys).ToList();
        shared.Should().HaveCountGreaterThanOrEqualTo(10, "most enumerations are on both sides");
        foreach (var name in shared)
            rest[name].Should().BeEquivalentTo(graphQL[name], $"{name} is spelt alike on REST and GraphQL");
    }

    [Fact]
    public void Fields_the_server_defaults_are_optional_and_reads_never_answer_412()
    {
        var schemas = OpenApi()["components"]!["schemas"]!;
        Required(schemas["CreateObjective"]!).Should().BeEquivalentTo("periodId", "owningUnitId", "title");
        Required(schemas["CreateKeyResult"]!).Should().BeEquivalentTo("objectiveId", "title");
        Required(schemas["CreateInitiative"]!).Should().BeEquivalentTo("title");
        schemas["CreateObjective"]!["properties"]!["visibility"]!["default"]!.GetValue<string>().Should().Be("PUBLIC");
        Required(schemas["ObjectiveDto"]!).Should().Contain(["id", "version", "raci", "keyResults"], "answers always carry every field");

        var reads = OpenApi()["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(o => o.Key == "get").Select(o => (Path: p.Key, Responses: o.Value!["responses"]!.AsObject()))).ToList();
        reads.Should().HaveCountGreaterThanOrEqualTo(14);
        reads.Where(r => r.Responses.ContainsKey("412")).Select(r => r.Path).Should().BeEmpty("reads take no If-Match");
        OpenApi()["paths"]!["/api/objectives/{id}/alignments/{alignmentId}"]!["delete"]!["responses"]!.AsObject()
            .Should().ContainKey("422", "removing a closed objective's alignment is refused by a rule");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_objective_drafted_with_only_its_required_fields_gets_the_defaults_and_reads_back_in_the_one_spelling(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var lead = await host.SignedInAsync("lead@acme.test");

        var created = await lead.PostAsJsonAsync("/api/objectives",
            new { periodId = demo.CurrentPeriodId, owningUnitId = demo.Units["Product Management"], title = "Make pricing self-serve" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        body["type"]!.GetValue<string>().Should().Be("COMMITTED");
        body["visibility"]!.GetValue<string>().Should().Be("PUBLIC");
        body["state"]!.GetValue<string>().Should().Be("DRAFT");
        body["raci"]!.AsArray().Should().BeEmpty();

        var id = body["id"]!.GetValue<Guid>();
        var keyResult = await lead.PostAsJsonAsync("/api/key-results", new
        {
            objectiveId = id, title = "Self-serve upgrades stay at least 40 a week", metricKind = "NUMBER", direction = "STAY_AT_LEAST",
            baseline = 40, target = 40, baselineMethod = "Billing export",
        });
        keyResult.StatusCode.Should().Be(HttpStatusCode.Created);
        JsonNode.Parse(await keyResult.Content.ReadAsStringAsync())!["direction"]!.GetValue<string>().Should().Be("STAY_AT_LEAST");

        // Integers are not enumeration values; the C# names of before are still read.
        await (await lead.PostAsJsonAsync("/api/objectives",
                new { periodId = demo.CurrentPeriodId, owningUnitId = demo.Units["Product Management"], title = "Numbered", type = 1 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
        var legacy = await lead.PostAsJsonAsync("/api/objectives",
            new { periodId = demo.CurrentPeriodId, owningUnitId = demo.Units["Product Management"], title = "Old spelling", type = "Aspirational" });
        (await legacy.ReadAsync<ObjectiveDto>()).Type.Should().Be(ObjectiveType.Aspirational);
    }

    private static IEnumerable<string> Required(JsonNode schema) =>
        schema["required"]?.AsArray().Select(v => v!.GetValue<string>()) ?? [];

    [GeneratedRegex(@"enum (?<name>\w+) \{(?<values>[^}]*)\}")]
    private static partial Regex GraphQLEnum();

    [GeneratedRegex("\"\"\"[\\s\\S]*?\"\"\"|\"[^\"\\n]*\"")]
    private static partial Regex Description();

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")]
    private static partial Regex ScreamingSnake();
}
