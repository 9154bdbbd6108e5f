using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Okr.Infrastructure.Persistence;

namespace Okr.Infrastructure.Seeding;

public static class DatabaseInitializer
{
    /// <summary>
    /// At start-up: applies the provider's migrations (unless <c>Database:MigrateAtStartup</c> is false), then,
    /// outside Production and when <c>Demo:Seed</c> is on, seeds the demo organisation into an empty database.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var configuration = provider.GetRequiredService<IConfiguration>();
        var db = provider.GetRequiredService<OkrDbContext>();

        if (configuration.GetValue("Database:MigrateAtStartup", true))
            await db.Database.MigrateAsync(cancellationToken);

        var demo = provider.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (demo.Seed && !provider.GetRequiredService<IHostEnvironment>().IsProduction())
            await provider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(cancellationToken);
    }
}
