using System.Text.Json;
using GraphQL;

namespace Okr.Api.GraphQL.Http;

/// <summary>A GraphQL-over-HTTP request's parameters, from the query string (GET) or a JSON body (POST).</summary>
internal sealed record GraphQLHttpRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions)
{
    /// <summary>The parameters, or the reason the request is not a well-formed GraphQL-over-HTTP request.</summary>
    public static (GraphQLHttpRequest? Request, string? Problem) FromQueryString(IQueryCollection query, IGraphQLTextSerializer serializer)
    {
        foreach (var name in new[] { "query", "operationName", "variables", "extensions" })
        {
            if (query[name].Count > 1)
                return (null, $"The {name} parameter is given more than once.");
        }
        var text = query["query"].ToString();
        if (string.IsNullOrWhiteSpace(text))
            return (null, "The query parameter is required: the GraphQL document to execute.");
        try
        {
            return (new GraphQLHttpRequest(text, NullIfEmpty(query["operationName"]),
                ParseMap(query["variables"], "variables", serializer), ParseMap(query["extensions"], "extensions", serializer)), null);
        }
        catch (FormatException ex)
        {
            return (null, ex.Message);
        }
    }

    public static (GraphQLHttpRequest? Request, string? Problem) FromJson(JsonElement body, IGraphQLSerializer serializer)
    {
        if (body.ValueKind != JsonValueKind.Object)
            return (null, body.ValueKind == JsonValueKind.Array
                ? "Batched requests are not supported: send one request object per HTTP request."
                : "The body must be a JSON object with a query.");
        if (!body.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(query.GetString()))
            return (null, "The body needs a query: the GraphQL document to execute, as a string.");

        string? operationName = null;
        if (body.TryGetProperty("operationName", out var name) && name.ValueKind != JsonValueKind.Null)
        {
            if (name.ValueKind != JsonValueKind.String)
                return (null, "operationName must be a string.");
            operationName = NullIfEmpty(name.GetString());
        }
        try
        {
            return (new GraphQLHttpRequest(query.GetString()!, operationName,
                Map(body, "variables", serializer), Map(body, "extensions", serializer)), null);
        }
        catch (FormatException ex)
        {
            return (null, ex.Message);
        }
    }

    private static Inputs? Map(JsonElement body, string name, IGraphQLSerializer serializer)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.Object)
            throw new FormatException($"{name} must be a JSON object.");
        return serializer.ReadNode<Inputs>(value);
    }

    private static Inputs? ParseMap(string? json, string name, IGraphQLTextSerializer serializer)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Null)
                return null;
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new FormatException($"{name} must be a JSON object.");
            return serializer.Deserialize<Inputs>(json);
        }
        catch (JsonException)
        {
            throw new FormatException($"{name} is not valid JSON.");
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
