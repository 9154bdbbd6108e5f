using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.Fuzz;

/// <summary>One operation of openapi.json: its path, method, body schema and documented statuses.</summary>
public sealed record RestOperation(string Id, string Method, string Path, JsonElement? BodySchema, IReadOnlySet<int> Documented, bool TakesIfMatch,
    IReadOnlyList<QueryParameter> Query)
{
    public bool IsSignIn => Path.StartsWith("/api/auth/", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Path} ({Id})";
}

/// <summary>A query-string parameter of an operation.</summary>
public sealed record QueryParameter(string Name, bool Required, string? Type);

/// <summary>
/// One request of the fuzz. <paramref name="Field"/> is the body field the case breaks (null when the case is about the
/// whole request); <paramref name="RawBody"/> is sent as is with <paramref name="ContentType"/>.
/// </summary>
public sealed record RestCase(string Name, string? Field, string? RawBody, string? ContentType = "application/json",
    string? IfMatch = null, bool Anonymous = false, bool RandomIds = false, IReadOnlyDictionary<string, string>? Query = null)
{
    /// <summary>A field the contract marks required is left out: the server must refuse it (or the contract is wrong).</summary>
    public bool LeavesOutRequired { get; init; }

    /// <summary>A field the contract marks optional is left out: the server may not refuse it for being missing.</summary>
    public bool LeavesOutOptional { get; init; }

    /// <summary>Cases that make a request valid on its face (only a rule of the domain can refuse it).</summary>
    public bool MayBeValid { get; init; }
}

/// <summary>Reads openapi.json and builds, for each operation, a valid request from its schemas and the cases that break it.</summary>
public sealed class OpenApiCases(JsonElement document, Func<string, Guid> idFor)
{
    public static OpenApiCases Load(Func<string, Guid> idFor) =>
        new(JsonDocument.Parse(File.ReadAllText(FuzzSettings.RepositoryFile("openapi.json"))).RootElement, idFor);

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public IReadOnlyList<RestOperation> Operations()
    {
        var operations = new List<RestOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
            {
                var op = method.Value;
                JsonElement? body = op.TryGetProperty("requestBody", out var rb) && rb.GetProperty("content").TryGetProperty("application/json", out var json)
                    ? json.GetProperty("schema") : null;
                var statuses = op.GetProperty("responses").EnumerateObject().Select(r => int.Parse(r.Name, CultureInfo.InvariantCulture)).ToHashSet();
                var parameters = op.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray().ToList() : [];
                var ifMatch = parameters.Any(p => p.GetProperty("name").GetString() == "If-Match");
                var query = parameters.Where(p => p.GetProperty("in").GetString() == "query")
                    .Select(p => new QueryParameter(p.GetProperty("name").GetString()!, p.TryGetProperty("required", out var r) && r.GetBoolean(),
                        p.TryGetProperty("schema", out var s) ? Type(s) : null))
                    .ToList();
                operations.Add(new RestOperation(op.GetProperty("operationId").GetString()!, method.Name.ToUpperInvariant(), path.Name, body, statuses, ifMatch, query));
            }
        return operations;
    }

    /// <summary>Follows $ref and a single allOf (how Swashbuckle wraps a reference with a description).</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        while (true)
        {
            if (schema.TryGetProperty("$ref", out var reference))
                schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
            else if (schema.TryGetProperty("allOf", out var all) && all.GetArrayLength() == 1)
                schema = all[0];
            else
                return schema;
        }
    }

    private static string? Type(JsonElement schema) => schema.TryGetProperty("type", out var t) ? t.GetString() : null;

    private static string? Format(JsonElement schema) => schema.TryGetProperty("format", out var f) ? f.GetString() : null;

    public static bool Nullable(JsonElement schema) => schema.TryGetProperty("nullable", out var n) && n.GetBoolean();

    /// <summary>A value the schema accepts, with ids of real entities chosen by the field's name.</summary>
    public JsonNode? Valid(JsonElement schema, string name)
    {
        var declared = schema;
        schema = Resolve(schema);
        if (schema.TryGetProperty("enum", out var values))
            return JsonValue.Create(values[0].GetString());
        switch (Type(schema))
        {
            case "object":
                var obj = new JsonObject();
                if (schema.TryGetProperty("properties", out var properties))
                    foreach (var property in properties.EnumerateObject())
                        obj[property.Name] = Valid(property.Value, property.Name);
                return obj;
            case "array":
                var items = Resolve(schema.GetProperty("items"));
                // Lists of ids name one real entity (an annotation must concern something); lists of objects stay empty.
                return Type(items) == "object" ? new JsonArray() : new JsonArray(Valid(items, Singular(name)));
            case "integer":
                return JsonValue.Create(Bounded(schema, 1));
            case "number":
                return JsonValue.Create(Bounded(schema, 1));
            case "boolean":
                return JsonValue.Create(false);
            case "string":
                return Format(schema) switch
                {
                    "uuid" => JsonValue.Create(idFor(name)),
                    "date" => JsonValue.Create(DateOnly.FromDateTime(FakeClock.DefaultNow.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    "date-time" => JsonValue.Create(FakeClock.DefaultNow.ToString("O", CultureInfo.InvariantCulture)),
                    _ when name.Contains("email", StringComparison.OrdinalIgnoreCase) => JsonValue.Create($"fuzz-{Guid.NewGuid():N}@example.com"),
                    _ when name.Contains("password", StringComparison.OrdinalIgnoreCase) => JsonValue.Create("Fuzz-Okr-2026-x"),
                    _ => JsonValue.Create("Fuzz " + name),
                };
            default:
                return Nullable(declared) ? null : JsonValue.Create("fuzz");
        }
    }

    private static int Bounded(JsonElement schema, int wanted)
    {
        var value = wanted;
        if (schema.TryGetProperty("minimum", out var min) && min.GetDouble() > value) value = (int)Math.Ceiling(min.GetDouble());
        if (schema.TryGetProperty("maximum", out var max) && max.GetDouble() < value) value = (int)Math.Floor(max.GetDouble());
        return value;
    }

    private static string Singular(string name) => name.EndsWith("Ids", StringComparison.Ordinal) ? name[..^1] : name;

    /// <summary>Every case for an operation: the valid request first, then each field broken every way, then the request itself.</summary>
    public IReadOnlyList<RestCase> Cases(RestOperation operation)
    {
        var cases = new List<RestCase>();
        JsonObject? valid = null;
        if (operation.BodySchema is { } bodySchema)
        {
            valid = Valid(bodySchema, "body") as JsonObject ?? [];
            cases.Add(new RestCase("valid", null, valid.ToJsonString()) { MayBeValid = true });
            var resolved = Resolve(bodySchema);
            var properties = resolved.TryGetProperty("properties", out var p) ? p.EnumerateObject().ToList() : [];
            var required = resolved.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet() : [];
            foreach (var property in properties)
                cases.AddRange(FieldCases(valid, property.Name, property.Value, required.Contains(property.Name)));
            cases.Add(new RestCase("malformed JSON", null, "{\"" + properties.FirstOrDefault().Name));
            cases.Add(new RestCase("truncated JSON", null, valid.ToJsonString()[..^1]));
            cases.Add(new RestCase("empty body", null, ""));
            cases.Add(new RestCase("no body, no content type", null, null, null));
            cases.Add(new RestCase("JSON null body", null, "null"));
            cases.Add(new RestCase("JSON array body", null, "[]"));
            cases.Add(new RestCase("JSON string body", null, "\"fuzz\""));
            cases.Add(new RestCase("nested 5000 deep", null, new string('[', 5000) + new string(']', 5000)));
            cases.Add(new RestCase("wrong content type (text/plain)", null, valid.ToJsonString(), "text/plain"));
            cases.Add(new RestCase("wrong content type (form)", null, "title=fuzz", "application/x-www-form-urlencoded"));
            cases.Add(new RestCase("unknown field", "fuzzUnknown", With(valid, "fuzzUnknown", JsonValue.Create(1))));
            if (properties.Count > 0)
            {
                var first = properties[0].Name;
                var duplicated = valid.ToJsonString().TrimEnd('}') + (valid.Count > 0 ? "," : "") + $"\"{first}\":{valid[first]?.ToJsonString() ?? "null"}}}";
                cases.Add(new RestCase("duplicate key", first, duplicated));
            }
        }
        else
        {
            cases.Add(new RestCase("valid", null, null, null) { MayBeValid = true });
            if (operation.Method != "GET")
                cases.Add(new RestCase("unexpected JSON body", null, "{\"fuzz\":1}") { MayBeValid = true });
        }
        var body = valid?.ToJsonString();
        var contentType = body is null ? null : "application/json";
        if (operation.Query.Count > 0)
        {
            var validQuery = operation.Query.ToDictionary(q => q.Name, q => q.Type == "boolean" ? "false" : "fuzz");
            foreach (var parameter in operation.Query)
            {
                RestCase Query(string what, string? value)
                {
                    var query = new Dictionary<string, string>(validQuery);
                    if (value is null) query.Remove(parameter.Name);
                    else query[parameter.Name] = value;
                    return new RestCase($"?{parameter.Name}: {what}", parameter.Name, body, contentType, Query: query);
                }
                Add(Query("missing", null) with { MayBeValid = !parameter.Required });
                Add(Query("empty", "") with { MayBeValid = !parameter.Required });
                Add(Query("NUL character", Hostile.Nul));
                Add(Query("not base64", "%%%=="));
                Add(Query("10k characters", new string('x', 10_000)));
                if (parameter.Type == "boolean")
                    Add(Query("not a boolean", "maybe"));
            }
            void Add(RestCase c) => cases.Add(c);
            cases[0] = cases[0] with { Query = validQuery };
        }
        if (operation.Path.Contains('{'))
            cases.Add(new RestCase("unknown ids", null, body, contentType, RandomIds: true));
        if (operation.TakesIfMatch)
        {
            cases.Add(new RestCase("If-Match not an ETag", null, body, contentType, IfMatch: "\"fuzz\""));
            cases.Add(new RestCase("If-Match stale", null, body, contentType, IfMatch: "\"987654321\""));
            cases.Add(new RestCase("If-Match huge", null, body, contentType, IfMatch: "\"99999999999999999999999\""));
        }
        if (!operation.Path.StartsWith("/api/auth/", StringComparison.Ordinal))
            cases.Add(new RestCase("anonymous", null, body, contentType, Anonymous: true));
        return cases;
    }

    private IEnumerable<RestCase> FieldCases(JsonObject valid, string name, JsonElement declared, bool required)
    {
        var schema = Resolve(declared);
        var type = Type(schema);
        var isEnum = schema.TryGetProperty("enum", out _);
        RestCase Case(string what, JsonNode? value) => new($"{name}: {what}", name, With(valid, name, value));

        yield return new RestCase($"{name}: missing", name, Without(valid, name)) { MayBeValid = !required, LeavesOutRequired = required, LeavesOutOptional = !required };
        yield return Case("null", null) with { MayBeValid = Nullable(declared) };
        switch (type)
        {
            case "string" when isEnum:
                yield return Case("unknown enum value", "NoSuchValue");
                yield return Case("enum as a number", 999);
                yield return Case("enum in lower case", schema.GetProperty("enum")[0].GetString()!.ToLowerInvariant()) with { MayBeValid = true };
                break;
            case "string" when Format(schema) is "uuid":
                yield return Case("not a uuid", "not-a-uuid");
                yield return Case("empty uuid", Guid.Empty.ToString());
                yield return Case("unknown uuid", Guid.NewGuid().ToString());
                yield return Case("number", 12);
                break;
            case "string" when Format(schema) is "date" or "date-time":
                yield return Case("impossible date", "2026-13-45");
                yield return Case("empty string", "");
                yield return Case("year 9999", "9999-12-31") with { MayBeValid = true }; // a rule of the domain may refuse it
                yield return Case("number", 12);
                break;
            case "string":
                yield return Case("number", 12);
                yield return Case("object", new JsonObject());
                yield return Case("100k characters", Hostile.Huge);
                yield return Case("NUL character", Hostile.Nul);
                yield return Case("control characters", Hostile.Bell);
                // Reads as blank: refused where blank is (a title), kept empty where blank is accepted (a description).
                yield return Case("zero-width only", Hostile.ZeroWidth) with { MayBeValid = true };
                yield return Case("blank", Hostile.Blank) with { MayBeValid = true };
                yield return Case("lone surrogate escape", LoneSurrogateMarker);
                break;
            case "integer" or "number":
                yield return Case("number as a string", "12");
                yield return Case("boolean", true);
                yield return Case("huge", JsonNode.Parse("1e308"));
                yield return Case("beyond double", JsonNode.Parse("1e400"));
                yield return Case("negative huge", JsonNode.Parse("-1e308"));
                yield return Case("negative", -1) with { MayBeValid = true };
                yield return Case(type == "integer" ? "fraction" : "many digits", JsonNode.Parse(type == "integer" ? "0.5" : "0.1234567890123456789012345678901"))
                    with { MayBeValid = type != "integer" };
                yield return Case("beyond int", JsonNode.Parse("2147483648")) with { MayBeValid = type != "integer" };
                break;
            case "boolean":
                yield return Case("string", "true");
                yield return Case("number", 1);
                break;
            case "array":
                var items = Resolve(schema.GetProperty("items"));
                yield return Case("object", new JsonObject());
                yield return Case("string", "fuzz");
                yield return Case("null item", new JsonArray((JsonNode?)null));
                yield return Case("wrong-typed item", new JsonArray(Type(items) == "object" ? JsonValue.Create(12) : new JsonObject()));
                var item = Valid(items, Singular(name));
                var many = new JsonArray();
                for (var i = 0; i < 2_000; i++)
                    many.Add(item?.DeepClone());
                yield return Case("2,000 items", many);
                if (Type(items) == "object" && item is JsonObject itemObject)
                    foreach (var itemProperty in itemObject.Select(kv => kv.Key).ToList())
                    {
                        var broken = (JsonObject)itemObject.DeepClone();
                        broken[itemProperty] = null;
                        yield return Case($"item with null {itemProperty}", new JsonArray(broken));
                    }
                break;
            case "object":
                yield return Case("array", new JsonArray());
                yield return Case("string", "fuzz");
                break;
        }
    }

    private static string With(JsonObject valid, string name, JsonNode? value)
    {
        var copy = (JsonObject)valid.DeepClone();
        copy[name] = value?.DeepClone();
        // A JSON escape, not a C# string: the serializer would refuse to write a lone surrogate itself.
        return copy.ToJsonString().Replace($"\"{LoneSurrogateMarker}\"", "\"\\uD800fuzz\"", StringComparison.Ordinal);
    }

    private const string LoneSurrogateMarker = "LONE-SURROGATE-MARKER";

    private static string Without(JsonObject valid, string name)
    {
        var copy = (JsonObject)valid.DeepClone();
        copy.Remove(name);
        return copy.ToJsonString();
    }

    public static byte[] Encode(string text) => Encoding.UTF8.GetBytes(text);
}
