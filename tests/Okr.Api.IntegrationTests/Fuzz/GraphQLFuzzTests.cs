using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using GraphQLParser.AST;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;
using Xunit.Abstractions;

namespace Okr.Api.IntegrationTests.Fuzz;

/// <summary>
/// Every root field of schema.graphql, read at run time, called with valid arguments (ids of real entities), then each
/// argument null, wrong-typed, hostile (NUL, control characters, 100k characters), huge or unknown, as a variable and
/// (for text) as a literal. No 5xx; every error carries extensions.code and none is INTERNAL; bad values are refused.
/// Document abuse (depth, aliases, fragments) is the limits suite's; this fuzzes argument values only.
/// </summary>
[Collection(GraphQLAndFuzzApiTests.Name)]
public sealed class GraphQLFuzzTests(ApiFixture fixture, ITestOutputHelper output)
{
    private sealed record Argument(string Name, GraphQLType Type);

    private sealed record GraphQLCase(string Name, string Field, string Query, JsonObject Variables, bool MayBeValid);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Every_root_field_answers_bad_arguments_with_coded_errors_never_internal(DatabaseProvider provider)
    {
        var settings = FuzzSettings.FromEnvironment();
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "fuzz");
        var targets = await FuzzTargets.LoadAsync(host, demo);
        using var admin = await demo.SignInAsync(host);
        var schema = GraphQLParser.Parser.Parse(await File.ReadAllTextAsync(FuzzSettings.RepositoryFile("schema.graphql")));
        var report = new FuzzReport("GraphQL", provider.ToString(), settings);
        var clock = Stopwatch.StartNew();

        var query = schema.Definitions.OfType<GraphQLObjectTypeDefinition>().Single(t => t.Name.StringValue == "Query");
        foreach (var field in query.Fields!.Items)
        {
            var cases = Cases(schema, field, targets);
            var chosen = settings.Sample(cases, field.Name.StringValue, always: 1);
            report.Operation(cases.Count, chosen.Count);
            foreach (var @case in chosen)
            {
                var where = $"{@case.Field} [{@case.Name}]";
                var response = await admin.GraphQLAsync(@case.Query, @case.Variables);
                report.Answered(((int)response.Status).ToString(CultureInfo.InvariantCulture));
                if ((int)response.Status >= 500)
                {
                    report.Fail("5xx", where, $"{(int)response.Status} {response.Text}");
                    continue;
                }
                if (response.Body.ValueKind != System.Text.Json.JsonValueKind.Object)
                {
                    report.Fail("not a GraphQL response", where, response.Text);
                    continue;
                }
                var codes = response.ErrorCodes;
                if (codes.Any(string.IsNullOrEmpty))
                    report.Fail("error without extensions.code", where, response.Text);
                if (codes.Contains("INTERNAL"))
                    report.Fail("INTERNAL", where, response.Text);
                if (!@case.MayBeValid && codes.Count == 0)
                    report.Fail("bad input accepted", where, response.Text);
            }
        }

        output.WriteLine(report.Summary(clock.Elapsed));
        report.WriteFile();
        report.Failures.Should().BeEmpty(report.Summary(clock.Elapsed));
    }

    private static List<GraphQLCase> Cases(GraphQLDocument schema, GraphQLFieldDefinition field, FuzzTargets targets)
    {
        var name = field.Name.StringValue;
        var arguments = field.Arguments?.Items.Select(a => new Argument(a.Name.StringValue, a.Type)).ToList() ?? [];
        // The query passes every argument as a variable, or one of them as a literal.
        string Text(string? literalFor = null)
        {
            var variables = arguments.Where(a => a.Name != literalFor).ToList();
            var declarations = variables.Count == 0 ? "" : "(" + string.Join(", ", variables.Select(a => $"${a.Name}: {Print(a.Type)}")) + ")";
            var passing = arguments.Count == 0 ? "" : "(" + string.Join(", ", arguments.Select(a =>
                a.Name == literalFor ? $"{a.Name}: \"fuzz\\u0000text\"" : $"{a.Name}: ${a.Name}")) + ")";
            return $"query Fuzz{declarations} {{ {name}{passing} {{ __typename }} }}";
        }
        var text = Text();
        var valid = new JsonObject();
        foreach (var argument in arguments)
            valid[argument.Name] = Valid(schema, argument.Type, argument.Name == "id" ? name : argument.Name, targets);

        var cases = new List<GraphQLCase> { new("valid", name, text, valid, true) };
        GraphQLCase With(string what, Argument argument, JsonNode? value, bool mayBeValid = false)
        {
            var variables = (JsonObject)valid.DeepClone();
            variables[argument.Name] = value?.DeepClone();
            return new($"{argument.Name}: {what}", name, text, variables, mayBeValid);
        }
        foreach (var argument in arguments)
        {
            var nullable = argument.Type is not GraphQLNonNullType;
            var named = Named(argument.Type);
            cases.Add(With("null", argument, null, nullable));
            cases.Add(With("a list", argument, new JsonArray(JsonValue.Create(1))));
            switch (named)
            {
                case "Int" or "Long" or "Float" or "Decimal":
                    cases.Add(With("number as a string", argument, "12"));
                    cases.Add(With("boolean", argument, true));
                    cases.Add(With("beyond int", argument, JsonNode.Parse("2147483648"), named is not "Int"));
                    cases.Add(With("huge", argument, JsonNode.Parse("1e308"), named == "Float"));
                    cases.Add(With("negative", argument, -1, true));
                    break;
                case "Boolean":
                    cases.Add(With("string", argument, "true"));
                    cases.Add(With("number", argument, 1));
                    break;
                case "String" or "ID" or "DateTimeOffset" or "DateOnly":
                    cases.Add(With("number", argument, 12, named == "ID")); // GraphQL coerces an integer to an ID
                    cases.Add(With("object", argument, new JsonObject()));
                    cases.Add(With("NUL character", argument, Hostile.Nul));
                    cases.Add(With("control characters", argument, Hostile.Bell));
                    cases.Add(With("100k characters", argument, Hostile.Huge));
                    cases.Add(With("zero-width only", argument, Hostile.ZeroWidth, named == "String"));
                    if (named == "ID")
                        cases.Add(With("unknown id", argument, Guid.NewGuid().ToString(), true));
                    if (named == "String")
                        cases.Add(new($"{argument.Name}: NUL in a literal", name, Text(argument.Name), Without(valid, argument.Name), false));
                    break;
                default:
                    if (schema.Definitions.OfType<GraphQLEnumTypeDefinition>().Any(e => e.Name.StringValue == named))
                    {
                        cases.Add(With("unknown value", argument, "NO_SUCH_VALUE"));
                        cases.Add(With("number", argument, 3));
                    }
                    else if (schema.Definitions.OfType<GraphQLInputObjectTypeDefinition>().SingleOrDefault(i => i.Name.StringValue == named) is { } input)
                    {
                        cases.Add(With("string", argument, "fuzz"));
                        cases.Add(With("unknown field", argument, new JsonObject { ["fuzzUnknown"] = 1 }));
                        foreach (var inner in input.Fields?.Items ?? [])
                        {
                            JsonObject Inner(JsonNode? value)
                            {
                                var obj = (JsonObject)valid[argument.Name]!.DeepClone();
                                obj[inner.Name.StringValue] = value?.DeepClone();
                                return obj;
                            }
                            var innerNamed = Named(inner.Type);
                            cases.Add(With($"{inner.Name.StringValue} wrong-typed", argument, Inner(innerNamed is "String" or "ID" ? new JsonObject() : "fuzz")));
                            if (innerNamed is "String" or "ID")
                            {
                                cases.Add(With($"{inner.Name.StringValue} NUL character", argument, Inner(Hostile.Nul)));
                                cases.Add(With($"{inner.Name.StringValue} control characters", argument, Inner(Hostile.Bell)));
                                cases.Add(With($"{inner.Name.StringValue} 100k characters", argument, Inner(Hostile.Huge)));
                            }
                        }
                    }
                    break;
            }
        }
        return cases;
    }

    private static JsonObject Without(JsonObject valid, string name)
    {
        var copy = (JsonObject)valid.DeepClone();
        copy.Remove(name);
        return copy;
    }

    private static JsonNode? Valid(GraphQLDocument schema, GraphQLType type, string name, FuzzTargets targets)
    {
        var named = Named(type);
        JsonNode? value = named switch
        {
            "ID" => JsonValue.Create(targets.ForField(name).ToString()),
            "Int" or "Long" => JsonValue.Create(1),
            "Float" or "Decimal" => JsonValue.Create(0.5),
            "Boolean" => JsonValue.Create(true),
            "String" => JsonValue.Create("fuzz"),
            "DateTimeOffset" => JsonValue.Create(FakeClock.DefaultNow.ToString("O", CultureInfo.InvariantCulture)),
            "DateOnly" => JsonValue.Create(FakeClock.DefaultNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ when schema.Definitions.OfType<GraphQLEnumTypeDefinition>().SingleOrDefault(e => e.Name.StringValue == named) is { } enumeration =>
                JsonValue.Create(enumeration.Values!.Items[0].EnumValue.Name.StringValue),
            _ when schema.Definitions.OfType<GraphQLInputObjectTypeDefinition>().SingleOrDefault(i => i.Name.StringValue == named) is { } input =>
                new JsonObject((input.Fields?.Items ?? []).Select(f =>
                    KeyValuePair.Create(f.Name.StringValue, Valid(schema, f.Type, f.Name.StringValue, targets)))),
            _ => null,
        };
        return type is GraphQLListType or GraphQLNonNullType { Type: GraphQLListType } ? new JsonArray(value) : value;
    }

    private static string Named(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Named(nonNull.Type),
        GraphQLListType list => Named(list.Type),
        GraphQLNamedType named => named.Name.StringValue,
        _ => throw new InvalidOperationException(type.ToString()),
    };

    private static string Print(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Print(nonNull.Type) + "!",
        GraphQLListType list => "[" + Print(list.Type) + "]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => throw new InvalidOperationException(type.ToString()),
    };
}
