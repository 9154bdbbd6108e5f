using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Okr.Application.Common.Interfaces;
using Okr.Infrastructure.Identity;
using Okr.Infrastructure.Messaging;
using Okr.Infrastructure.Persistence;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.Infrastructure;

/// <summary>
/// The real host over HTTP (TestServer), one per provider, started once for the collection, in Development (the only
/// environment where the demo people exist): migrated and seeded with the demo organisation at <see cref="FakeClock.DefaultNow"/>. Tests that change things work in
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
            host = new OkrApiFactory(await TestDatabase.CreateMigratedAsync(provider), cheapPasswordHashes: true);
            _ = host.Server; // starts the host: migrations and the demo seed run now
            _hosts[provider] = host;
        }
        return host;
    }
}

/// <summary>The REST tests: one collection, so one test at a time on its hosts.</summary>
[CollectionDefinition(Name)]
public sealed class ApiTests : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}

/// <summary>
/// The GraphQL tests and the contract fuzz: a second collection on hosts of its own, which xunit runs alongside
/// <see cref="ApiTests"/> (collections run in parallel, the tests of one collection one at a time), so the API suite
/// keeps both cores busy instead of running every test on one.
/// </summary>
[CollectionDefinition(Name)]
public sealed class GraphQLAndFuzzApiTests : ICollectionFixture<ApiFixture>
{
    public const string Name = "api-graphql-fuzz";
}

/// <summary>
/// The host on a test database. <paramref name="environment"/> and <paramref name="settings"/> (applied last) serve the
/// tests of start-up and sign-in rules; <paramref name="ownsDatabase"/> false leaves the database to a later host.
/// <paramref name="cheapPasswordHashes"/>: passwords hashed with <see cref="CheapHashIterations"/> PBKDF2 iterations
/// instead of Identity's 100,000 (tens of milliseconds of CPU a hash), for the shared hosts, whose tests sign in hundreds of times
/// and seed the demo's people again and again; the auth suite, which measures what a hash costs, keeps the default.
/// </summary>
public sealed class OkrApiFactory(TestDatabase database, string environment = "Development",
    IReadOnlyDictionary<string, string?>? settings = null, bool ownsDatabase = true, bool cheapPasswordHashes = false) : WebApplicationFactory<Program>
{
    public const int CheapHashIterations = 1_000;

    public FakeClock Clock { get; } = new();

    /// <summary>Where mail is written when no SMTP server is configured.</summary>
    public string PickupFolder { get; } = Path.Combine(Path.GetTempPath(), $"okr-mail-{Guid.NewGuid():N}");

    /// <summary>Sends what the outbox holds, now (the background dispatcher is off in tests).</summary>
    public Task<int> DispatchOutboxAsync() => Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    /// <summary>The framework's clock (tokens, throttles), which a test may move forward.</summary>
    public MovableTimeProvider Time { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Okr", database.ConnectionString);
        // Every test signs in and registers from one address: the throttle's limits are out of reach here (the auth suite proves them).
        builder.UseSetting("SignIn:Throttle:ClientPermits", "1000000");
        builder.UseSetting("SignIn:Throttle:AccountPermits", "1000000");
        builder.UseSetting("SignIn:Throttle:AnonymousGraphQLPermits", "1000000");
        builder.UseSetting("Demo:Password", ApiFixture.DemoPassword);
        // No background work: the outbox is dispatched, and jobs are run, by the tests that need them, never behind
        // their backs (the scheduler stays in standby: its jobs and triggers are stored but never fire); without a mail
        // server, files go to a folder of this host's own.
        builder.UseSetting("Scheduler:Enabled", "false");
        builder.UseSetting("Outbox:PollSeconds", "0");
        builder.UseSetting("Email:PickupFolder", PickupFolder);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IClock>(Clock);
            services.AddSingleton<TimeProvider>(Time);
            services.AddTransient<IStartupFilter, ClientAddressFromHeader>();
            SqlStatementCounter.Register(services);
            if (cheapPasswordHashes)
                services.Configure<PasswordHasherOptions>(o => o.IterationCount = CheapHashIterations);
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
        if (Directory.Exists(PickupFolder))
            Directory.Delete(PickupFolder, recursive: true);
        if (ownsDatabase)
            await database.DisposeAsync();
    }

    private sealed record AccessTokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}

/// <summary>The machine's clock plus an offset a test moves forward (the framework's timers keep real time).</summary>
public sealed class MovableTimeProvider : TimeProvider
{
    public TimeSpan Offset { get; private set; }

    public void Advance(TimeSpan by) => Offset += by;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

/// <summary>
/// TestServer has no client address; a request may name one in <see cref="Header"/>, so tests can play several
/// clients (the sign-in throttle keys on the address).
/// </summary>
public sealed class ClientAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (System.Net.IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                context.Connection.RemoteIpAddress = address;
            await nextMiddleware(context);
        });
        next(app);
    };
}
