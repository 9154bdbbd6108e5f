using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests;

[Collection(ApiTests.Name)]
public sealed class AuthTests(ApiFixture fixture)
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_demo_admin_signs_in_and_gets_a_bearer_token_that_works(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        using var client = host.CreateClient();

        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "admin@acme.test", password = ApiFixture.DemoPassword });

        login.StatusCode.Should().Be(HttpStatusCode.OK);
        var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement;
        token.GetProperty("tokenType").GetString().Should().Be("Bearer");
        var accessToken = token.GetProperty("accessToken").GetString();
        accessToken.Should().NotBeNullOrWhiteSpace();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/manage/info");
        request.Headers.Authorization = new("Bearer", accessToken);
        var info = await client.SendAsync(request);
        info.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonDocument.Parse(await info.Content.ReadAsStringAsync()).RootElement.GetProperty("email").GetString().Should().Be("admin@acme.test");
    }

    [Theory]
    [InlineData("lead@acme.test")]
    [InlineData("member@acme.test")]
    public async Task The_demo_lead_and_member_can_sign_in(string email)
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);

        using var client = await host.SignedInAsync(email);

        (await client.GetAsync("/api/auth/manage/info")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var client = host.CreateClient();

        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "admin@acme.test", password = "wrong-password-1A" });

        login.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_SPA_signs_in_with_a_cookie()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var client = host.CreateClient(new() { HandleCookies = true });

        var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = "lead@acme.test", password = ApiFixture.DemoPassword });

        login.StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/api/auth/manage/info")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signing_out_ends_the_cookie_session()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var client = host.CreateClient(new() { HandleCookies = true });
        (await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = "lead@acme.test", password = ApiFixture.DemoPassword })).EnsureSuccessStatusCode();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        var logout = await client.SendAsync(request);

        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.GetAsync("/api/auth/manage/info")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Without_credentials_a_protected_call_is_a_401()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var client = host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/organizations", new { name = "Globex" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }
}
