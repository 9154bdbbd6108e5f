using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Okr.Api.IntegrationTests.Infrastructure;

/// <summary>A GraphQL response as a generic client sees it.</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, string? MediaType, JsonElement Body, string Text, HttpResponseMessage Message)
{
    public JsonElement Data => Body.GetProperty("data");

    public bool HasData => Body.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null;

    public IReadOnlyList<JsonElement> Errors =>
        Body.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().ToList() : [];

    public IReadOnlyList<string?> ErrorCodes => Errors
        .Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var code) ? code.GetString() : null)
        .ToList();

    /// <summary>Asserts a 200 without errors and returns <c>data</c>.</summary>
    public JsonElement ShouldSucceed()
    {
        Status.Should().Be(HttpStatusCode.OK, Text);
        Errors.Should().BeEmpty(Text);
        return Data;
    }

    /// <summary>Asserts that the errors include <paramref name="code"/>.</summary>
    public GraphQLResponse ShouldFailWith(string code)
    {
        ErrorCodes.Should().Contain(code, Text);
        return this;
    }
}

public static class GraphQLClient
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";

    /// <summary>POSTs a GraphQL request as the specification describes it, accepting both response media types.</summary>
    public static async Task<GraphQLResponse> GraphQLAsync(this HttpClient client, string query, object? variables = null, string? operationName = null,
        string accept = GraphQLResponseMediaType + ", application/json;q=0.9", string? countTag = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables, operationName }),
        };
        request.Headers.Accept.ParseAdd(accept);
        if (countTag is not null)
            request.Headers.Add(SqlStatementCounter.Header, countTag);
        return await ReadAsync(await client.SendAsync(request));
    }

    public static async Task<GraphQLResponse> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            body = default;
        }
        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, text, response);
    }

    public static MediaTypeWithQualityHeaderValue Accept(string mediaType) => MediaTypeWithQualityHeaderValue.Parse(mediaType);
}
