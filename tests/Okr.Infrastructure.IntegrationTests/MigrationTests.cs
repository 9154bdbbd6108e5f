using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Okr.Domain.Audit;
using Okr.Infrastructure.Persistence;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Infrastructure.IntegrationTests;

public sealed class MigrationTests
{
    public static TheoryData<string> AllProviders => new() { nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.Postgres), nameof(DatabaseProvider.SqlServer) };

    private static OkrDbContext DesignTimeContext(string provider) => Enum.Parse<DatabaseProvider>(provider) switch
    {
        DatabaseProvider.Sqlite => new SqliteDesignTimeFactory().CreateDbContext([]),
        DatabaseProvider.Postgres => new PostgresDesignTimeFactory().CreateDbContext([]),
        _ => new SqlServerDesignTimeFactory().CreateDbContext([]),
    };

    [Theory]
    [MemberData(nameof(AllProviders))]
    public void Each_providers_migrations_match_the_model(string provider)
    {
        using var context = DesignTimeContext(provider);

        context.Database.HasPendingModelChanges().Should().BeFalse(
            $"the {provider} migrations must be regenerated after a model change (see README, 'Adding a migration')");
    }

    [Theory]
    [MemberData(nameof(AllProviders))]
    public void Each_provider_has_its_own_migrations(string provider)
    {
        using var context = DesignTimeContext(provider);

        var migrations = context.Database.GetMigrations().ToList();

        migrations.Should().NotBeEmpty();
        context.GetService<IMigrationsAssembly>().Migrations.Values
            .Should().OnlyContain(type => type.Namespace!.EndsWith("." + provider, StringComparison.Ordinal));
    }

    [Fact]
    public void The_SQL_Server_script_generates_and_creates_the_model()
    {
        using var context = DesignTimeContext(nameof(DatabaseProvider.SqlServer));

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        script.Should().Contain("CREATE TABLE [Objectives]")
            .And.Contain("CREATE TABLE [KeyResults]")
            .And.Contain("CREATE TABLE [CheckIns]")
            .And.Contain("CREATE TABLE [AspNetUsers]")
            .And.Contain("[Version] bigint NOT NULL")
            .And.Contain("CREATE TABLE QRTZ_TRIGGERS")
            .And.Contain("CREATE TABLE QRTZ_LOCKS");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Migrations_apply_to_a_real_empty_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = TestServices.Build(database);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();

        await db.Database.MigrateAsync();

        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).Should().NotBeEmpty();
    }
}

/// <summary>What a migration does to the rows that were there before it.</summary>
public sealed class MigrationBackfillTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Audit_events_written_before_the_kind_existed_get_their_commands_kind(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = TestServices.Build(database);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
        await db.Database.MigrateAsync();
        var (demo, _) = await DemoData.SeedAsync(db, new FakeClock(), "");
        var actions = new[] { "RecordCheckIn", "RollOverObjective", "OverrideObjectiveGrade", "OverrideKeyResultGrade", "ClosePeriod", "UpdateObjective" };
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        // Written as before the kind existed: every event with the default kind, only the command's name telling them apart.
        var ids = actions.ToDictionary(a => a, a =>
        {
            var e = new AuditEvent(demo.Organization.Id, null, a, "Objective", Guid.NewGuid(), at, null, "{}");
            db.AuditEvents.Add(e);
            return e.Id;
        });
        await db.SaveChangesAsync();

        var migrations = db.Database.GetMigrations().ToList();
        var kindMigration = migrations.FindIndex(m => m.EndsWith("_AuditEventKind", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[kindMigration - 1]);
        await migrator.MigrateAsync();

        db.ChangeTracker.Clear();
        var kinds = await db.AuditEvents.IgnoreQueryFilters().Where(e => ids.Values.Contains(e.Id)).ToDictionaryAsync(e => e.Action, e => e.Kind);
        kinds.Should().BeEquivalentTo(new Dictionary<string, AuditKind>
        {
            ["RecordCheckIn"] = AuditKind.CheckIn,
            ["RollOverObjective"] = AuditKind.ObjectiveRollOver,
            ["OverrideObjectiveGrade"] = AuditKind.ObjectiveGradeOverride,
            ["OverrideKeyResultGrade"] = AuditKind.KeyResultGradeOverride,
            ["ClosePeriod"] = AuditKind.PeriodClose,
            ["UpdateObjective"] = AuditKind.Change,
        });
    }
}
