using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Okr.Api.Hosting;
using Okr.Application.Common.Interfaces;
using Okr.Infrastructure.Identity;
using Okr.Infrastructure.Persistence;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Application.IntegrationTests;

/// <summary>
/// The product's services (handlers, pipeline, EF) on a real database per provider, created once per test
/// class and emptied with Respawn before each test.
/// </summary>
public sealed class ApplicationFixture : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, (TestDatabase Database, ServiceProvider Services)> _backends = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (database, services) in _backends.Values)
        {
            await services.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    /// <summary>A fresh, empty (migrated) database and a scope to work in, as nobody in particular.</summary>
    public async Task<TestScope> StartAsync(DatabaseProvider provider)
    {
        // Tests of one class run one at a time, so the fixture needs no locking.
        {
            if (!_backends.TryGetValue(provider, out var backend))
            {
                var database = await TestDatabase.CreateMigratedAsync(provider);
                var services = BuildServices(database);
                await using (var migrate = services.CreateAsyncScope())
                    await migrate.ServiceProvider.GetRequiredService<OkrDbContext>().Database.MigrateAsync();
                backend = (database, services);
                _backends[provider] = backend;
            }
            await backend.Database.ResetAsync();
            return new TestScope(backend.Services);
        }
    }

    private static ServiceProvider BuildServices(TestDatabase database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Okr"] = database.ConnectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddOkrCore(configuration, new TestHostEnvironment());
        services.AddSingleton<FakeClock>();
        services.AddSingleton<IClock>(sp => sp.GetRequiredService<FakeClock>());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private sealed class TestHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "Okr.Application.IntegrationTests";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

/// <summary>
/// One test's world: who is calling, the clock, and a way to send commands and queries through the whole
/// pipeline. Each <see cref="SendAsync{T}(ICommand{T})"/> runs in its own DI scope, as each HTTP request would.
/// </summary>
public sealed class TestScope(ServiceProvider services) : IAsyncDisposable
{
    private Guid? _userId;
    private string? _email;

    public FakeClock Clock => services.GetRequiredService<FakeClock>();

    /// <summary>Calls are made as this user from now on; null means anonymous.</summary>
    public void ActAs(Guid? userId, string? email = null)
    {
        _userId = userId;
        _email = email;
    }

    /// <summary>Registers a sign-in identity (no organisation yet) and acts as it.</summary>
    public async Task<Guid> SignUpAsync(string email)
    {
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true,
            NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(),
        };
        await WithDbAsync(async db =>
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        });
        ActAs(user.Id, email);
        return user.Id;
    }

    public async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = await RequestScopeAsync();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    /// <summary>Sends a command inside a transaction that is then rolled back, as when a later step of the request fails.</summary>
    public async Task SendAndRollBackAsync<T>(ICommand<T> command)
    {
        await using var scope = await RequestScopeAsync();
        var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
        await transaction.RollbackAsync();
    }

    public async Task<T> SendAsync<T>(IQuery<T> query)
    {
        await using var scope = await RequestScopeAsync();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    /// <summary>Reads or arranges the database directly, bypassing the organisation filter.</summary>
    public async Task<T> WithDbAsync<T>(Func<OkrDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OkrDbContext>());
    }

    public Task WithDbAsync(Func<OkrDbContext, Task> work) => WithDbAsync(async db =>
    {
        await work(db);
        return true;
    });

    /// <summary>A scope like a request's: the caller is resolved by the product's own resolver from their claims.</summary>
    private async Task<AsyncServiceScope> RequestScopeAsync()
    {
        var scope = services.CreateAsyncScope();
        if (_userId is { } userId)
        {
            // The session's security stamp, as Identity's tokens and cookies carry it.
            var stamp = await scope.ServiceProvider.GetRequiredService<OkrDbContext>().Users.AsNoTracking()
                .Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync() ?? string.Empty;
            var identity = new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(ClaimTypes.Email, _email ?? string.Empty),
                    new Claim(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType, stamp),
                ],
                authenticationType: "Test");
            await scope.ServiceProvider.GetRequiredService<CurrentUserResolver>().ResolveAsync(new ClaimsPrincipal(identity), CancellationToken.None);
        }
        return scope;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
