using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Okr.Application.Common.Behaviours;
using Okr.Application.Common.Exceptions;
using Okr.Domain.Audit;
using Okr.Domain.Periods;
using Okr.Domain.Work;
using Okr.Infrastructure.Identity;
using Okr.Infrastructure.Persistence;
using Okr.Infrastructure.Persistence.Interceptors;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Infrastructure.Seeding;
using Okr.Testing;

namespace Okr.Infrastructure.IntegrationTests;

/// <summary>Versions for optimistic concurrency, and the audit trail, as the persistence layer applies them.</summary>
public sealed class PersistenceBehaviourTests
{
    private sealed record Setup(ServiceProvider Services, TestDatabase Database, DemoOrganization Demo) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            await Database.DisposeAsync();
        }

        public AsyncServiceScope Scope(string? auditAction = null, AuditKind auditKind = AuditKind.Change)
        {
            var scope = Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActForOrganization(Demo.Organization.Id);
            var audit = scope.ServiceProvider.GetRequiredService<AuditScope>();
            audit.Action = auditAction;
            audit.Kind = auditKind;
            return scope;
        }
    }

    private static async Task<Setup> Seeded(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider);
        var services = TestServices.Build(database);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
        await db.Database.MigrateAsync();
        var (demo, _) = await DemoData.SeedAsync(db, new FakeClock(), "");
        return new Setup(services, database, demo);
    }

    private static Period ActivePeriod(DemoOrganization demo) => demo.Periods.First(p => p.State == PeriodState.Active);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_new_aggregate_starts_at_version_1_and_each_change_moves_it_on(DatabaseProvider provider)
    {
        await using var setup = await Seeded(provider);
        var periodId = ActivePeriod(setup.Demo).Id;

        await using (var scope = setup.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
            var period = await db.Periods.SingleAsync(p => p.Id == periodId);
            period.Version.Should().Be(1);
            period.Rename("Renamed quarter");
            await db.SaveChangesAsync();
        }

        await using (var scope = setup.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
            (await db.Periods.SingleAsync(p => p.Id == periodId)).Version.Should().Be(2);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Changing_a_child_row_moves_its_aggregates_version(DatabaseProvider provider)
    {
        await using var setup = await Seeded(provider);
        var periodId = ActivePeriod(setup.Demo).Id;

        await using (var scope = setup.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
            var period = await db.Periods.SingleAsync(p => p.Id == periodId);
            period.AddCheckpoint("Board review", period.Start.AddDays(40));
            await db.SaveChangesAsync();
        }

        await using (var scope = setup.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
            var period = await db.Periods.SingleAsync(p => p.Id == periodId);
            period.Version.Should().Be(2);
            period.Checkpoints.Should().Contain(c => c.Name == "Board review");
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_stale_writer_is_refused_and_the_first_write_stands(DatabaseProvider provider)
    {
        await using var setup = await Seeded(provider);
        var periodId = ActivePeriod(setup.Demo).Id;

        await using var first = setup.Scope();
        await using var second = setup.Scope();
        var db1 = first.ServiceProvider.GetRequiredService<OkrDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<OkrDbContext>();
        var copy1 = await db1.Periods.SingleAsync(p => p.Id == periodId);
        var copy2 = await db2.Periods.SingleAsync(p => p.Id == periodId);

        copy1.Rename("First writer");
        await db1.SaveChangesAsync();
        copy2.Rename("Second writer");
        var save = () => db2.SaveChangesAsync();

        await save.Should().ThrowAsync<ConcurrencyException>();
        await using var check = setup.Scope();
        (await check.ServiceProvider.GetRequiredService<OkrDbContext>().Periods.SingleAsync(p => p.Id == periodId)).Name.Should().Be("First writer");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_command_writes_an_audit_event_with_the_values_before_and_after(DatabaseProvider provider)
    {
        await using var setup = await Seeded(provider);
        var period = ActivePeriod(setup.Demo);

        await using (var scope = setup.Scope(auditAction: "RenamePeriod"))
        {
            var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
            (await db.AuditEvents.CountAsync()).Should().Be(0, "seeding is not a command");
            var loaded = await db.Periods.SingleAsync(p => p.Id == period.Id);
            loaded.Rename("Q-renamed");
            await db.SaveChangesAsync();
        }

        await using (var scope = setup.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
            var audit = await db.AuditEvents.SingleAsync();
            audit.Action.Should().Be("RenamePeriod");
            audit.Kind.Should().Be(AuditKind.Change);
            audit.EntityType.Should().Be(nameof(Period));
            audit.EntityId.Should().Be(period.Id);
            audit.OrganizationId.Should().Be(setup.Demo.Organization.Id);
            audit.Before.Should().Be($$"""{"Name":"{{period.Name}}"}""");
            audit.After.Should().Be("""{"Name":"Q-renamed"}""");
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_change_to_an_owned_value_is_audited_against_its_owner(DatabaseProvider provider)
    {
        await using var setup = await Seeded(provider);
        var initiative = setup.Demo.Initiatives.First(i => i.External is not null);
        var key = initiative.External!.Key;

        await using (var scope = setup.Scope(auditAction: "UpdateInitiative"))
        {
            var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
            var loaded = await db.Initiatives.SingleAsync(i => i.Id == initiative.Id);
            loaded.Edit(new InitiativeDetails(loaded.Title, loaded.Description, loaded.OwnerId, loaded.UnitId, loaded.StartDate, loaded.DueDate, External: null));
            await db.SaveChangesAsync();
        }

        await using (var scope = setup.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
            var audit = await db.AuditEvents.SingleAsync();
            audit.EntityType.Should().Be("Initiative.External");
            audit.EntityId.Should().Be(initiative.Id);
            audit.Before.Should().Contain(key);
            audit.After.Should().BeNull();
            (await db.Initiatives.SingleAsync(i => i.Id == initiative.Id)).Version.Should().Be(initiative.Version + 1);
        }
    }

    [Theory]
    [MemberData(nameof(MigrationTests.AllProviders), MemberType = typeof(MigrationTests))]
    public void Every_providers_context_saves_through_the_interceptors(string provider)
    {
        var services = new ServiceCollection();
        var kind = Enum.Parse<DatabaseProvider>(provider);
        // Only the options are built: no connection is opened (SQL Server cannot run here).
        var connectionString = kind switch
        {
            DatabaseProvider.Sqlite => "Data Source=interceptors.db",
            DatabaseProvider.Postgres => "Host=localhost;Database=okr",
            _ => "Server=localhost;Database=okr;TrustServerCertificate=True",
        };
        services.AddOkrDatabase(kind, connectionString, Path.GetTempPath());
        using var built = services.BuildServiceProvider();
        using var scope = built.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();

        var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.Interceptors ?? [];

        interceptors.Should().ContainInOrder(SaveInterceptors.All);
        interceptors.Select(i => i.GetType()).Should().Contain([typeof(TenantBoundaryInterceptor), typeof(VersionInterceptor), typeof(AuditTrailInterceptor),
            typeof(RollupInterceptor)]);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_synchronous_save_is_guarded_versioned_and_audited_too(DatabaseProvider provider)
    {
        await using var setup = await Seeded(provider);
        var period = ActivePeriod(setup.Demo);

        await using (var scope = setup.Scope(auditAction: "RenamePeriod", auditKind: AuditKind.PeriodClose))
        {
            var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
            var loaded = await db.Periods.SingleAsync(p => p.Id == period.Id);
            loaded.Rename("Renamed synchronously");
            db.SaveChanges();

            // Another organisation's row, smuggled past the filter, is refused by the same guard.
            db.Organizations.Add(new Okr.Domain.Organizations.Organization("Elsewhere"));
            var save = () => db.SaveChanges();
            save.Should().Throw<ForbiddenException>();
        }

        await using (var scope = setup.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
            (await db.Periods.SingleAsync(p => p.Id == period.Id)).Version.Should().Be(2);
            var audit = await db.AuditEvents.SingleAsync();
            (audit.Action, audit.Kind, audit.After).Should().Be(("RenamePeriod", AuditKind.PeriodClose, """{"Name":"Renamed synchronously"}"""));
            (await db.Organizations.IgnoreQueryFilters().CountAsync(o => o.Name == "Elsewhere")).Should().Be(0);
        }
    }
}
