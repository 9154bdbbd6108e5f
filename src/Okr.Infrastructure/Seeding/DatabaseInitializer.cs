using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Okr.Application.OkrGraph.Rollups;
using Okr.Infrastructure.Persistence;

namespace Okr.Infrastructure.Seeding;

public static class DatabaseInitializer
{
    /// <summary>The migration that added the maintained rollups (ADR 0013).</summary>
    public const string MaintainedRollupsMigration = "MaintainedRollups";

    /// <summary>The migration that added the maintained check-in readings (ADR 0013).</summary>
    public const string MaintainedReadingsMigration = "MaintainedCheckInReadings";

    /// <summary>The migration that added the maintained unit progress (ADR 0024): its rows are filled by a rebuild.</summary>
    public const string MaintainedUnitProgressMigration = "MaintainedUnitProgress";

    /// <summary>
    /// The operator's <c>rebuild-rollups</c> command: migrates (unless turned off), recomputes every organisation's
    /// maintained values from the source rows in one transaction, prints what it corrected and answers the exit code.
    /// </summary>
    public static async Task<int> RebuildRollupsAsync(this IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<OkrDbContext>();
        if (provider.GetRequiredService<IConfiguration>().GetValue("Database:MigrateAtStartup", true))
            await db.Database.MigrateAsync(cancellationToken);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await RebuildAsync(db, cancellationToken);
        await output.WriteLineAsync(
            $"rebuild-rollups: {result.KeyResults} key results ({result.CurrentValuesCorrected} current values corrected), " +
            $"{result.Objectives} objectives ({result.ProgressCorrected} progress values corrected), " +
            $"{result.UnitRows} unit progress rows ({result.UnitRowsCorrected} corrected) in {started.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    private static async Task<RebuildResult> RebuildAsync(OkrDbContext db, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await ObjectiveProgressStore.RebuildAsync(db, allOrganizations: true, ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }

    /// <summary>
    /// At start-up: applies the provider's migrations (unless <c>Database:MigrateAtStartup</c> is false), then,
    /// in Development and when <c>Demo:Seed</c> is on, seeds the demo organisation into an empty database; in any other
    /// environment, deactivates the demo accounts.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var configuration = provider.GetRequiredService<IConfiguration>();
        var db = provider.GetRequiredService<OkrDbContext>();

        if (configuration.GetValue("Database:MigrateAtStartup", true))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            var existing = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
            await db.Database.MigrateAsync(cancellationToken);
            // A database from before the maintained rollups gets them computed once, as it is migrated.
            if (existing && pending.Any(m => m.EndsWith("_" + MaintainedRollupsMigration, StringComparison.Ordinal)
                                             || m.EndsWith("_" + MaintainedReadingsMigration, StringComparison.Ordinal)
                                             || m.EndsWith("_" + MaintainedUnitProgressMigration, StringComparison.Ordinal)))
                await RebuildAsync(db, cancellationToken);
        }

        // Demo people sign in only in Development: their password is published. Anywhere else they are deactivated,
        // so a database seeded before the switch to Staging or Production does not keep a door open (ADR 0016).
        var demo = provider.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (provider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            if (demo.Seed)
                await provider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(cancellationToken);
        }
        else
            await DemoSeeder.DeactivateDemoAccountsAsync(db, cancellationToken);
    }
}
