using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Okr.Application.Common.Interfaces;
using Okr.Infrastructure.Identity;
using Okr.Infrastructure.Persistence;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.Infrastructure;

/// <summary>
/// The real host over HTTP (TestServer), one per provider, started once for the collection: migrated and
/// seeded with the demo organisation at <see cref="FakeClock.DefaultNow"/>. Tests that change things work in
/// organisations of their own, so the demo stays as seeded.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string DemoPassword = "Demo-Okr-2026";

    private readonly Dictionary<DatabaseProvider, OkrApiFactory> _hosts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts.Values)
            await host.DisposeAsync();
    }

    public async Task<OkrApiFactory> HostAsync(DatabaseProvider provider)
    {
        if (!_hosts.TryGetValue(provider, out var host))
        {
            host = new OkrApiFactory(await TestDatabase.CreateAsync(provider));
            _ = host.Server; // starts the host: migrations and the demo seed run now
            _hosts[provider] = host;
        }
        return host;
    }
}

[CollectionDefinition(Name)]
public sealed class ApiTests : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}

public sealed class OkrApiFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    public FakeClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Okr", database.ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Password", ApiFixture.DemoPassword);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IClock>(Clock);
            SqlStatementCounter.Register(services);
        });
    }

    /// <summary>A client signed in with a bearer token, as a tool would be.</summary>
    public async Task<HttpClient> SignedInAsync(string email, string password = ApiFixture.DemoPassword)
    {
        var client = CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var token = await login.Content.ReadFromJsonAsync<AccessTokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>Registers a brand-new user (no organisation) and signs them in.</summary>
    public async Task<HttpClient> NewUserAsync(string? email = null)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        using var anonymous = CreateClient();
        (await anonymous.PostAsJsonAsync("/api/auth/register", new { email, password = ApiFixture.DemoPassword })).EnsureSuccessStatusCode();
        return await SignedInAsync(email);
    }

    /// <summary>Reads the database as system work of one organisation (or of none).</summary>
    public async Task<T> WithDbAsync<T>(Func<OkrDbContext, Task<T>> read, Guid? organizationId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        if (organizationId is { } id)
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActForOrganization(id);
        return await read(scope.ServiceProvider.GetRequiredService<OkrDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }

    private sealed record AccessTokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}
