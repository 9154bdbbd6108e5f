using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okr.Application.Common.Exceptions;
using Okr.Domain.Common;
using Okr.Domain.Objectives;
using Okr.Infrastructure.Identity;
using Okr.Infrastructure.Persistence;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Infrastructure.Seeding;
using Okr.Testing;

namespace Okr.Infrastructure.IntegrationTests;

/// <summary>Two full organisations side by side: neither can read or change the other's rows.</summary>
public sealed class TenancyTests
{
    private static async Task<(ServiceProvider Services, TestDatabase Database, DemoOrganization A, DemoOrganization B)> TwoOrganizations(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider);
        var services = TestServices.Build(database);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<Okr.Application.Common.Interfaces.IClock>();
        await db.Database.MigrateAsync();
        var (a, _) = await DemoData.SeedAsync(db, clock, "a.");
        var (b, _) = await DemoData.SeedAsync(db, clock, "b.");
        return (services, database, a, b);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Every_tenant_table_shows_only_the_callers_organisation(DatabaseProvider provider)
    {
        var (services, database, a, b) = await TwoOrganizations(provider);
        await using var _ = database;
        await using var __ = services;
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActForOrganization(a.Organization.Id);
        var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();

        var tenantTypes = db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .Select(t => t.ClrType)
            .ToList();
        tenantTypes.Should().HaveCountGreaterThan(15);

        var count = typeof(TenancyTests).GetMethod(nameof(CountRows), BindingFlags.NonPublic | BindingFlags.Static)!;
        var tablesWithForeignRows = 0;
        foreach (var type in tenantTypes)
        {
            var (visible, visibleForeign, foreign) = await (Task<(int, int, int)>)count.MakeGenericMethod(type)
                .Invoke(null, [db, a.Organization.Id, b.Organization.Id])!;
            visibleForeign.Should().Be(0, $"{type.Name} rows of another organisation must never be visible");
            if (foreign > 0) tablesWithForeignRows++;
            if (foreign > 0) visible.Should().BeGreaterThan(0, $"{type.Name}: the caller's own rows are visible");
        }
        tablesWithForeignRows.Should().BeGreaterThan(15, "the other organisation has data in almost every table, so the filter is really tested");

        (await db.Organizations.Select(o => o.Id).ToListAsync()).Should().Equal(a.Organization.Id);
    }

    private static async Task<(int Visible, int VisibleForeign, int Foreign)> CountRows<T>(OkrDbContext db, Guid mine, Guid theirs)
        where T : class, ITenantOwned
    {
        var visible = await db.Set<T>().IgnoreQueryFilters([OkrDbContext.SoftDeleteFilter]).CountAsync();
        var visibleForeign = await db.Set<T>().IgnoreQueryFilters([OkrDbContext.SoftDeleteFilter]).CountAsync(r => r.OrganizationId != mine);
        var foreign = await db.Set<T>().IgnoreQueryFilters().CountAsync(r => r.OrganizationId == theirs);
        return (visible, visibleForeign, foreign);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Another_organisations_row_cannot_be_found_by_id_nor_changed(DatabaseProvider provider)
    {
        var (services, database, a, b) = await TwoOrganizations(provider);
        await using var _ = database;
        await using var __ = services;
        var theirs = b.Objectives.First(o => o.State == ObjectiveState.Active);

        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActForOrganization(a.Organization.Id);
            var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();

            (await db.Objectives.FindAsync(theirs.Id)).Should().BeNull();
            (await db.Objectives.AnyAsync(o => o.Id == theirs.Id)).Should().BeFalse();

            // Even a row smuggled past the filter cannot be written.
            var smuggled = await db.Objectives.IgnoreQueryFilters().SingleAsync(o => o.Id == theirs.Id);
            var period = await db.Periods.IgnoreQueryFilters().SingleAsync(p => p.Id == smuggled.PeriodId);
            smuggled.Edit(new ObjectiveDetails("Hijacked", smuggled.OwningUnitId, smuggled.Type), period);
            var save = () => db.SaveChangesAsync();
            await save.Should().ThrowAsync<ForbiddenException>();

            db.ChangeTracker.Clear();
            db.Objectives.Add(new Objective(b.Organization.Id, period, new ObjectiveDetails("Planted", smuggled.OwningUnitId, ObjectiveType.Committed), DateTimeOffset.UtcNow));
            await save.Should().ThrowAsync<ForbiddenException>();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
            (await db.Objectives.IgnoreQueryFilters().SingleAsync(o => o.Id == theirs.Id)).Title.Should().Be(theirs.Title);
            (await db.Objectives.IgnoreQueryFilters().CountAsync(o => o.Title == "Planted")).Should().Be(0);
        }
    }

    [Fact]
    public async Task A_caller_without_an_organisation_sees_nothing()
    {
        var (services, database, _, _) = await TwoOrganizations(DatabaseProvider.Sqlite);
        await using var _ = database;
        await using var __ = services;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();

        (await db.Objectives.CountAsync()).Should().Be(0);
        (await db.People.CountAsync()).Should().Be(0);
        (await db.Organizations.CountAsync()).Should().Be(0);
        (await db.Objectives.IgnoreQueryFilters().CountAsync()).Should().BeGreaterThan(0);
    }
}
