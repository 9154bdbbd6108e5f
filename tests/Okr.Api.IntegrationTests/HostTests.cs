using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests;

[Collection(ApiTests.Name)]
public sealed class HostTests(ApiFixture fixture)
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Health_reports_the_database_as_healthy(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        using var client = host.CreateClient();

        var response = await client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        health.GetProperty("status").GetString().Should().Be("Healthy");
        health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().Should().Be("Healthy");
    }

    [Fact]
    public async Task Swagger_UI_and_the_OpenAPI_document_are_served()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var client = host.CreateClient();

        (await client.GetAsync("/swagger/index.html")).StatusCode.Should().Be(HttpStatusCode.OK);
        var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        document.GetProperty("openapi").GetString().Should().StartWith("3.");
        document.GetProperty("paths").TryGetProperty("/api/organizations", out _).Should().BeTrue();
        document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _).Should().BeTrue();
    }

    [Fact]
    public async Task An_unknown_API_path_is_a_404_problem_not_the_SPA()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var client = host.CreateClient();

        var response = await client.GetAsync("/api/no-such-thing");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("{\"name\": 42}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"name\": \"Globex\", \"unexpected\": true}")]
    public async Task Malformed_or_mistyped_JSON_is_a_clear_400_and_writes_nothing(string body)
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var client = await host.NewUserAsync();

        var response = await client.PostAsync("/api/organizations", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
        problem.GetProperty("detail").GetString().Should().NotContain(" at Okr.", "no stack trace leaks");
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_named_as_a_field_error_without_dotnet_type_names()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var client = await host.NewUserAsync();

        var response = await client.PostAsync("/api/organizations", new StringContent("{\"name\": 42}", Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
        problem.GetProperty("errors").GetProperty("name")[0].GetString().Should().Be("This value has the wrong type or format.");
        problem.GetProperty("detail").GetString().Should().NotContain("System.");
    }

    [Theory]
    [InlineData("/api/focus-areas", "{\"title\": \"Win the CMO\"}", "periodId", "This field is required.")]
    [InlineData("/api/organizations", "{\"name\": \"Globex\", \"nmae\": \"Globex\"}", "nmae", "This operation has no such field.")]
    public async Task A_missing_or_unknown_field_is_named_as_a_field_error(string path, string body, string field, string message)
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var client = await host.NewUserAsync();

        var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
        problem.GetProperty("errors").GetProperty(field)[0].GetString().Should().StartWith(message);
        problem.GetProperty("detail").GetString().Should().Contain(field).And.NotContain("System.").And.NotContain("Okr.");
    }

    [Fact]
    public async Task An_absurdly_large_body_is_refused()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var client = await host.NewUserAsync();

        var response = await client.PostAsJsonAsync("/api/organizations", new { name = new string('x', 2 * 1024 * 1024) });

        ((int)response.StatusCode).Should().BeOneOf(400, 413);
    }
}
