using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Infrastructure.Seeding;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.Security;

/// <summary>Hosts of the auth suite: each on a database of its own, with the throttle's limits the test names.</summary>
internal static class AuthSuite
{
    public const string Password = ApiFixture.DemoPassword;

    /// <summary>A host in <paramref name="environment"/> (Development seeds the demo) with these throttle settings, then <paramref name="settings"/>.</summary>
    public static async Task<OkrApiFactory> HostAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, string environment = "Testing",
        int clientPermits = 1_000_000, int accountPermits = 1_000_000, int failuresBeforeBackoff = 5, TestDatabase? database = null, int anonymousGraphQLPermits = 1_000_000, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["SignIn:Throttle:ClientPermits"] = clientPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SignIn:Throttle:AccountPermits"] = accountPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SignIn:Throttle:FailuresBeforeBackoff"] = failuresBeforeBackoff.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SignIn:Throttle:AnonymousGraphQLPermits"] = anonymousGraphQLPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var host = new OkrApiFactory(database ?? await TestDatabase.CreateMigratedAsync(provider), environment, all, ownsDatabase: database is null);
        _ = host.Server;
        return host;
    }

    /// <summary>Registers <paramref name="email"/> with the suite's password (from its own client address).</summary>
    public static async Task RegisterAsync(this OkrApiFactory host, string email, string password = Password)
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, "192.0.2.250");
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password })).EnsureSuccessStatusCode();
    }

    /// <summary>A client that the server sees at <paramref name="address"/>.</summary>
    public static HttpClient ClientAt(this OkrApiFactory host, string address, bool cookies = false)
    {
        var client = host.CreateClient(new() { HandleCookies = cookies });
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
        return client;
    }

    /// <summary>A new account, signed in with a bearer token by a client at <paramref name="address"/>.</summary>
    public static async Task<(string Email, HttpClient Client)> NewSignedInAsync(this OkrApiFactory host, string address)
    {
        var email = NewEmail();
        await host.RegisterAsync(email);
        var client = host.ClientAt(address);
        var tokens = await (await client.LoginAsync(email, Password)).TokensAsync();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.Access);
        return (email, client);
    }

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { email, password });

    public static async Task<Tokens> TokensAsync(this HttpResponseMessage login)
    {
        var body = await login.Content.ReadAsStringAsync();
        login.StatusCode.Should().Be(HttpStatusCode.OK, body);
        var json = JsonDocument.Parse(body).RootElement;
        return new Tokens(json.GetProperty("accessToken").GetString()!, json.GetProperty("refreshToken").GetString()!);
    }

    /// <summary>The body without what differs per request (traceId).</summary>
    public static async Task<string> ComparableBodyAsync(this HttpResponseMessage response)
    {
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return JsonSerializer.Serialize(json.EnumerateObject().Where(p => p.Name != "traceId").ToDictionary(p => p.Name, p => p.Value));
    }

    public static string NewEmail() => $"auth-{Guid.NewGuid():N}@example.com";

    public static string DemoAdmin => DemoOrganization.Users[0].Email;
}

public sealed record Tokens(string Access, string Refresh);
