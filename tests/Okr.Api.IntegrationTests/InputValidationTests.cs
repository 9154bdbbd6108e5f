using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests;

/// <summary>Bad input is a 400 problem naming the field (415 for a body that is not JSON), on every provider, and writes nothing (ADR 0017).</summary>
[Collection(ApiTests.Name)]
public sealed class InputValidationTests(ApiFixture fixture)
{
    private static async Task<(OkrApiFactory Host, PrivateDemo Demo, HttpClient Admin)> SetUpAsync(ApiFixture fixture, DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "input");
        return (host, demo, await demo.SignInAsync(host));
    }

    private static string Objective(PrivateDemo demo, string title, string extra = "") =>
        $$"""{"periodId":"{{demo.CurrentPeriodId}}","owningUnitId":"{{demo.Units.First().Value}}","title":{{System.Text.Json.JsonSerializer.Serialize(title)}},"type":"Committed","visibility":"Public"{{extra}}}""";

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json, string contentType = "application/json") =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, contentType));

    private static Task<int> ObjectiveCountAsync(OkrApiFactory host, PrivateDemo demo) => demo.ReadAsync(host, db => db.Objectives.CountAsync());

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_explicit_null_for_a_list_is_a_400_naming_the_field(DatabaseProvider provider)
    {
        var (host, demo, admin) = await SetUpAsync(fixture, provider);
        using var _ = admin;
        var before = await ObjectiveCountAsync(host, demo);

        await (await PostAsync(admin, "/api/objectives", Objective(demo, "Nulls are refused", ",\"raci\":null"))).ShouldNameFieldsAsync("raci");
        await (await PostAsync(admin, "/api/objectives", Objective(demo, "Null items are refused", ",\"raci\":[null]"))).ShouldNameFieldsAsync("raci[0]");
        await (await PostAsync(admin, "/api/annotations",
            $$"""{"date":"2026-11-20","kind":"Change","text":"Pricing page changed","keyResultIds":null,"kpiIds":[]}""")).ShouldNameFieldsAsync("keyResultIds");

        (await ObjectiveCountAsync(host, demo)).Should().Be(before);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task NUL_and_control_characters_in_text_are_refused_naming_the_field(DatabaseProvider provider)
    {
        var (host, demo, admin) = await SetUpAsync(fixture, provider);
        using var _ = admin;
        var before = await ObjectiveCountAsync(host, demo);

        await (await PostAsync(admin, "/api/objectives", Objective(demo, "Grow\u0000revenue"))).ShouldNameFieldsAsync("title");
        await (await PostAsync(admin, "/api/objectives", Objective(demo, "Grow \u001b[31mrevenue"))).ShouldNameFieldsAsync("title");
        await (await PostAsync(admin, "/api/objectives", Objective(demo, "Grow revenue", ",\"description\":\"line one\\u0007\""))).ShouldNameFieldsAsync("description");
        (await ObjectiveCountAsync(host, demo)).Should().Be(before);

        // Tab and line breaks are text.
        (await PostAsync(admin, "/api/objectives", Objective(demo, "Grow revenue", ",\"description\":\"line one\\n\\tline two\\r\\n\""))).StatusCode
            .Should().Be(HttpStatusCode.Created);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_title_of_only_zero_width_characters_is_refused_like_a_blank_one(DatabaseProvider provider)
    {
        var (host, demo, admin) = await SetUpAsync(fixture, provider);
        using var _ = admin;
        var before = await ObjectiveCountAsync(host, demo);

        await (await PostAsync(admin, "/api/objectives", Objective(demo, "\u200B\u200C\u200D\uFEFF"))).ShouldNameFieldsAsync("title");
        await (await PostAsync(admin, "/api/objectives", Objective(demo, "   "))).ShouldNameFieldsAsync("title");
        (await ObjectiveCountAsync(host, demo)).Should().Be(before);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_number_as_a_string_and_a_duplicate_key_are_refused_naming_the_field(DatabaseProvider provider)
    {
        var (host, demo, admin) = await SetUpAsync(fixture, provider);
        using var _ = admin;
        var keyResult = demo.KeyResults.First().Value;

        await (await PostAsync(admin, $"/api/key-results/{keyResult}/check-ins", """{"value":"12","confidence":7}""")).ShouldNameFieldsAsync("value");
        await (await PostAsync(admin, "/api/objectives", Objective(demo, "First", ",\"title\":\"Second\""))).ShouldNameFieldsAsync("title");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Unreadable_bodies_are_400s_with_errors_and_a_body_that_is_not_JSON_is_a_415(DatabaseProvider provider)
    {
        var (_, demo, admin) = await SetUpAsync(fixture, provider);
        using var _ = admin;

        await (await PostAsync(admin, "/api/objectives", "not JSON at all")).ShouldNameFieldsAsync("body");
        await (await PostAsync(admin, "/api/objectives", "{\"title\":")).ShouldNameFieldsAsync("title"); // where the reader stopped
        await (await PostAsync(admin, "/api/objectives", "")).ShouldNameFieldsAsync("body");
        await (await PostAsync(admin, "/api/objectives", Objective(demo, "Plain text"), "text/plain"))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        // Still 404 where nothing is served.
        await (await PostAsync(admin, "/api/no-such-thing", "x", "text/plain")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Text_longer_than_its_column_is_refused_before_the_database(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        using var anonymous = host.CreateClient();
        var email = new string('a', 290) + "@example.com";

        var response = await anonymous.PostAsJsonAsync("/api/auth/register", new { email, password = ApiFixture.DemoPassword });

        await response.ShouldNameFieldsAsync("email");
        (await host.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email))).Should().Be(0);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_NUL_in_a_GraphQL_text_argument_is_a_VALIDATION_error(DatabaseProvider provider)
    {
        var (_, _, admin) = await SetUpAsync(fixture, provider);
        using var _ = admin;

        var asVariable = await admin.GraphQLAsync("query($t: String) { objectives(filter: {text: $t}) { totalCount } }", new { t = "rev\u0000enue" });
        asVariable.ShouldFailWith("VALIDATION");
        var asLiteral = await admin.GraphQLAsync("query { objectives(filter: {text: \"rev\\u0000enue\"}) { totalCount } }");
        asLiteral.ErrorCodes.Should().NotBeEmpty(asLiteral.Text).And.NotContain("INTERNAL");
        (await admin.GraphQLAsync("query($t: String) { objectives(filter: {text: $t}) { totalCount } }", new { t = "revenue" })).ShouldSucceed();
    }

    [Fact]
    public async Task A_damaged_confirmation_link_and_oversized_emails_on_the_sign_in_endpoints_are_400s_naming_the_field()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var anonymous = host.CreateClient();

        await (await anonymous.GetAsync("/api/auth/confirmEmail?userId=not-an-id&code=%21%21%21")).ShouldNameFieldsAsync("userId", "code");
        await (await anonymous.GetAsync($"/api/auth/confirmEmail?userId={Guid.NewGuid()}&code=abc&changedEmail=")).ShouldNameFieldsAsync("changedEmail");
        var longEmail = new string('a', 300) + "@acme.test";
        await (await anonymous.PostAsJsonAsync("/api/auth/forgotPassword", new { email = longEmail })).ShouldNameFieldsAsync("email");
        await (await anonymous.PostAsJsonAsync("/api/auth/resendConfirmationEmail", new { email = longEmail })).ShouldNameFieldsAsync("email");
        // A well-formed link for nobody is not a 400: Identity answers it as it always did, without saying who exists.
        (await anonymous.GetAsync($"/api/auth/confirmEmail?userId={Guid.NewGuid()}&code=abc")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
