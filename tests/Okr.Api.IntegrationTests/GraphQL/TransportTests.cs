using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Infrastructure.Persistence.Providers;

namespace Okr.Api.IntegrationTests.GraphQL;

/// <summary>GraphQL over HTTP as the specification describes it, so a generic client works without special handling.</summary>
[Collection(GraphQLAndFuzzApiTests.Name)]
public sealed class TransportTests(ApiFixture fixture)
{
    private const string Json = "application/json";
    private const string GraphQLResponse = GraphQLClient.GraphQLResponseMediaType;

    private async Task<HttpClient> AdminAsync() =>
        await (await fixture.HostAsync(DatabaseProvider.Sqlite)).SignedInAsync("admin@acme.test");

    private static HttpRequestMessage Post(string body, string contentType = Json, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    private static HttpRequestMessage Get(string query, string? variables = null, string? operationName = null, string? accept = null, bool preflight = false)
    {
        var url = "/graphql?query=" + Uri.EscapeDataString(query)
            + (variables is null ? "" : "&variables=" + Uri.EscapeDataString(variables))
            + (operationName is null ? "" : "&operationName=" + Uri.EscapeDataString(operationName));
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        if (preflight) request.Headers.Add("GraphQL-Require-Preflight", "1");
        return request;
    }

    [Fact]
    public async Task A_plain_JSON_POST_answers_application_json_and_the_newer_media_type_when_asked_for()
    {
        using var client = await AdminAsync();

        var legacy = await GraphQLClient.ReadAsync(await client.SendAsync(Post("""{"query":"{ organization { name } }"}""")));
        legacy.ShouldSucceed().GetProperty("organization").GetProperty("name").GetString().Should().Be("Acme");
        legacy.MediaType.Should().Be(Json);
        legacy.Message.Content.Headers.ContentType!.CharSet.Should().Be("utf-8");

        var modern = await GraphQLClient.ReadAsync(await client.SendAsync(Post("""{"query":"{ organization { name } }"}""", accept: GraphQLResponse)));
        modern.ShouldSucceed();
        modern.MediaType.Should().Be(GraphQLResponse);

        var preferred = await GraphQLClient.ReadAsync(await client.SendAsync(Post("""{"query":"{ organization { name } }"}""",
            accept: "application/json;q=0.5, application/graphql-response+json")));
        preferred.MediaType.Should().Be(GraphQLResponse);
        var wildcard = await GraphQLClient.ReadAsync(await client.SendAsync(Post("""{"query":"{ organization { name } }"}""", accept: "*/*")));
        wildcard.MediaType.Should().Be(Json);
        var charsetParameter = await GraphQLClient.ReadAsync(await client.SendAsync(Post("""{"query":"{ organization { name } }"}""",
            contentType: "application/json; charset=utf-8", accept: "application/graphql-response+json; charset=utf-8")));
        charsetParameter.ShouldSucceed();
    }

    [Fact]
    public async Task Variables_and_operation_names_select_and_parameterise_the_operation()
    {
        using var client = await AdminAsync();
        const string Document = """
            query Periods($kind: PeriodKind) { periods(kind: $kind) { name kind } }
            query Organization { organization { name } }
            """;

        var periods = await client.GraphQLAsync(Document, new { kind = "YEAR" }, "Periods");
        periods.ShouldSucceed().GetProperty("periods").EnumerateArray().Should().OnlyContain(p => p.GetProperty("kind").GetString() == "YEAR");
        var organization = await client.GraphQLAsync(Document, operationName: "Organization");
        organization.ShouldSucceed().GetProperty("organization").GetProperty("name").GetString().Should().Be("Acme");

        var ambiguous = await client.GraphQLAsync(Document);
        ambiguous.Status.Should().Be(HttpStatusCode.BadRequest);
        ambiguous.Errors.Should().NotBeEmpty();
        var unknown = await client.GraphQLAsync(Document, operationName: "Nope");
        unknown.Status.Should().Be(HttpStatusCode.BadRequest);

        var badVariable = await client.GraphQLAsync(Document, new { kind = "FORTNIGHT" }, "Periods");
        badVariable.Status.Should().Be(HttpStatusCode.BadRequest);
        badVariable.ShouldFailWith("VALIDATION");
    }

    [Fact]
    public async Task Documents_that_fail_before_execution_answer_400_with_the_new_media_type_and_200_with_application_json()
    {
        using var client = await AdminAsync();

        var invalid = await client.GraphQLAsync("{ organization { nickname } }");
        invalid.Status.Should().Be(HttpStatusCode.BadRequest);
        invalid.ShouldFailWith("GRAPHQL_VALIDATION_FAILED");
        invalid.Body.TryGetProperty("data", out _).Should().BeFalse();

        var invalidLegacy = await client.GraphQLAsync("{ organization { nickname } }", accept: Json);
        invalidLegacy.Status.Should().Be(HttpStatusCode.OK, "application/json answers 200 to every well-formed request");
        invalidLegacy.ShouldFailWith("GRAPHQL_VALIDATION_FAILED");

        var syntax = await client.GraphQLAsync("{ organization { name ");
        syntax.Status.Should().Be(HttpStatusCode.BadRequest);
        syntax.ShouldFailWith("GRAPHQL_PARSE_FAILED");
        syntax.Errors[0].GetProperty("locations").GetArrayLength().Should().Be(1);

        // A field error after execution started: 200, with data and the error side by side.
        var fieldError = await client.GraphQLAsync($"{{ organization {{ name }} objective(id: \"{Guid.NewGuid()}\") {{ title }} }}");
        fieldError.Status.Should().Be(HttpStatusCode.OK);
        fieldError.Data.GetProperty("organization").GetProperty("name").GetString().Should().Be("Acme");
        fieldError.ShouldFailWith("NOT_FOUND");
        fieldError.Errors[0].GetProperty("path")[0].GetString().Should().Be("objective");

        var notAnId = await client.GraphQLAsync("{ objective(id: \"not-a-guid\") { title } }");
        notAnId.ShouldFailWith("VALIDATION");
        notAnId.Text.Should().NotContain("Exception").And.NotContain("   at ");
    }

    [Fact]
    public async Task Requests_that_are_not_well_formed_answer_400_whatever_the_media_type()
    {
        using var client = await AdminAsync();
        foreach (var (body, reason) in new[]
                 {
                     ("{ not json", "invalid JSON"),
                     ("""{"variables":{}}""", "no query"),
                     ("""{"query":42}""", "a query that is not a string"),
                     ("""[{"query":"{ __typename }"}]""", "a batch"),
                     ("""{"query":"{ __typename }","variables":[1]}""", "variables that are not an object"),
                     ("""{"query":"{ __typename }","operationName":3}""", "an operation name that is not a string"),
                 })
        {
            foreach (var accept in new[] { Json, GraphQLResponse })
            {
                var response = await GraphQLClient.ReadAsync(await client.SendAsync(Post(body, accept: accept)));
                response.Status.Should().Be(HttpStatusCode.BadRequest, reason);
                response.MediaType.Should().Be(accept, reason);
                response.ShouldFailWith("BAD_REQUEST");
            }
        }
    }

    [Fact]
    public async Task Non_JSON_bodies_are_refused_with_415_so_cross_site_forms_cannot_post()
    {
        using var client = await AdminAsync();
        foreach (var contentType in new[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/graphql" })
        {
            var response = await GraphQLClient.ReadAsync(await client.SendAsync(Post("""{"query":"{ organization { name } }"}""", contentType)));
            response.Status.Should().Be(HttpStatusCode.UnsupportedMediaType, contentType);
            response.ShouldFailWith("UNSUPPORTED_MEDIA_TYPE");
        }
    }

    [Fact]
    public async Task An_unacceptable_Accept_header_answers_406()
    {
        using var client = await AdminAsync();
        var response = await GraphQLClient.ReadAsync(await client.SendAsync(Post("""{"query":"{ __typename }"}""", accept: "text/html")));
        response.Status.Should().Be(HttpStatusCode.NotAcceptable);
        response.ShouldFailWith("NOT_ACCEPTABLE");
    }

    [Fact]
    public async Task GET_runs_queries_with_a_bearer_token_and_variables_in_the_query_string()
    {
        using var client = await AdminAsync();
        var response = await GraphQLClient.ReadAsync(await client.SendAsync(Get(
            "query P($kind: PeriodKind) { periods(kind: $kind) { name } }", """{"kind":"QUARTER"}""", "P", accept: GraphQLResponse)));
        response.ShouldSucceed().GetProperty("periods").GetArrayLength().Should().BeGreaterThan(1);
        response.MediaType.Should().Be(GraphQLResponse);
    }

    [Fact]
    public async Task GET_refuses_mutations_with_405_and_POST_reports_that_there_are_none()
    {
        using var client = await AdminAsync();
        var viaGet = await GraphQLClient.ReadAsync(await client.SendAsync(Get("mutation { deleteEverything }", accept: GraphQLResponse)));
        viaGet.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        viaGet.Message.Content.Headers.Allow.Should().Contain("POST");
        viaGet.ShouldFailWith("METHOD_NOT_ALLOWED");

        var viaPost = await client.GraphQLAsync("mutation { deleteEverything }");
        viaPost.Status.Should().Be(HttpStatusCode.BadRequest);
        viaPost.Errors.Should().NotBeEmpty();
        viaPost.Body.TryGetProperty("data", out _).Should().BeFalse("writes are REST's: nothing ran");
    }

    [Fact]
    public async Task A_GET_riding_on_the_sign_in_cookie_must_prove_it_was_preflighted()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var browser = host.CreateClient(); // keeps cookies
        (await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = "admin@acme.test", password = ApiFixture.DemoPassword }))
            .EnsureSuccessStatusCode();

        var forged = await GraphQLClient.ReadAsync(await browser.SendAsync(Get("{ organization { name } }")));
        forged.Status.Should().Be(HttpStatusCode.BadRequest);
        forged.ShouldFailWith("CSRF_PREFLIGHT_REQUIRED");

        var preflighted = await GraphQLClient.ReadAsync(await browser.SendAsync(Get("{ organization { name } }", preflight: true)));
        preflighted.ShouldSucceed().GetProperty("organization").GetProperty("name").GetString().Should().Be("Acme");

        browser.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest"); // as the SPA sends every POST
        var cookiePost = await browser.GraphQLAsync("{ organization { name } }");
        cookiePost.ShouldSucceed();

        using var anonymous = host.CreateClient(); // no credentials at all: nothing to forge
        var introspection = await GraphQLClient.ReadAsync(await anonymous.SendAsync(Get("{ __typename }")));
        introspection.ShouldSucceed().GetProperty("__typename").GetString().Should().Be("Query");
    }

    [Theory]
    [InlineData("application/graphql-response+json, application/json;q=0.9", GraphQLResponse)]
    [InlineData("application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed", GraphQLResponse)]
    [InlineData("application/graphql-response+json; charset=utf-8, application/json; charset=utf-8", GraphQLResponse)]
    [InlineData("application/json", Json)]
    [InlineData("*/*", Json)]
    public async Task What_common_GraphQL_clients_send_is_answered_as_they_expect(string accept, string expected)
    {
        using var client = await AdminAsync();
        var response = await GraphQLClient.ReadAsync(await client.SendAsync(Post(
            """{"query":"query Org { organization { name } }","operationName":"Org","variables":{},"extensions":{}}""", accept: accept)));
        response.ShouldSucceed().GetProperty("organization").GetProperty("name").GetString().Should().Be("Acme");
        response.MediaType.Should().Be(expected);
    }

    [Fact]
    public async Task Other_methods_answer_405_naming_GET_and_POST()
    {
        using var client = await AdminAsync();
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            using var request = new HttpRequestMessage(method, "/graphql") { Content = JsonContent.Create(new { query = "{ __typename }" }) };
            var response = await client.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
            response.Content.Headers.Allow.Should().BeEquivalentTo("GET", "POST");
        }
    }

    [Fact]
    public async Task Responses_are_never_cached()
    {
        using var client = await AdminAsync();
        var response = await client.GraphQLAsync("{ organization { name } }");
        response.Message.Headers.CacheControl!.NoStore.Should().BeTrue();
    }
}
