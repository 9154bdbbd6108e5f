using Microsoft.EntityFrameworkCore;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Domain.Objectives;
using Okr.Domain.Periods;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests;

/// <summary>An empty database is seeded with the demo organisation of okr-domain.md at start-up.</summary>
[Collection(ApiTests.Name)]
public sealed class DemoDataTests(ApiFixture fixture)
{
    private const string CompanyObjective = "Make it easy for the right customers to buy and hard for them to go";

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_company_objective_has_its_four_key_results(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var organizationId = await host.WithDbAsync(db => db.Organizations.IgnoreQueryFilters().Where(o => o.Name == "Acme").Select(o => o.Id).SingleAsync());

        var keyResults = await host.WithDbAsync(db => db.Objectives
            .Where(o => o.Title == CompanyObjective && o.State == ObjectiveState.Active)
            .SelectMany(o => o.KeyResults)
            .Select(k => k.Title)
            .ToListAsync(), organizationId);

        keyResults.Should().HaveCount(4);
        keyResults.Should().Contain(t => t.Contains("Tier 1 and 2 customers are active weekly", StringComparison.Ordinal));
        keyResults.Should().Contain(t => t.Contains("96% revenue retention", StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_six_departments_and_the_teams_are_there_with_their_objectives(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var organizationId = await host.WithDbAsync(db => db.Organizations.IgnoreQueryFilters().Where(o => o.Name == "Acme").Select(o => o.Id).SingleAsync());

        var units = await host.WithDbAsync(db => db.OrgUnits.Select(u => u.Name).ToListAsync(), organizationId);
        var unitsWithObjectives = await host.WithDbAsync(db => db.Objectives
            .Join(db.OrgUnits, o => o.OwningUnitId, u => u.Id, (o, u) => u.Name).Distinct().ToListAsync(), organizationId);

        string[] departments = ["Marketing", "Product Management", "Global Sales", "US Sales", "Customer Marketing", "Product Engineering"];
        units.Should().Contain(departments).And.Contain(["Customer Support", "Product Success"]);
        unitsWithObjectives.Should().Contain(departments);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_current_quarter_has_weeks_of_check_ins_with_narratives_and_the_work_around_them(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var organizationId = await host.WithDbAsync(db => db.Organizations.IgnoreQueryFilters().Where(o => o.Name == "Acme").Select(o => o.Id).SingleAsync());

        var (checkIns, withNarrative, weeks, initiatives, kpiValues, annotations, activePeriods, closedPeriods) = await host.WithDbAsync(async db => (
            await db.CheckIns.CountAsync(),
            await db.CheckIns.CountAsync(c => c.Narrative != null),
            await db.CheckIns.Select(c => c.EffectiveDate).Distinct().CountAsync(),
            await db.Initiatives.CountAsync(),
            await db.KpiValues.CountAsync(),
            await db.Annotations.CountAsync(),
            await db.Periods.CountAsync(p => p.State == PeriodState.Active && p.Kind == PeriodKind.Quarter),
            await db.Periods.CountAsync(p => p.State == PeriodState.Closed && p.Kind == PeriodKind.Quarter)), organizationId);

        checkIns.Should().BeGreaterThan(50);
        withNarrative.Should().Be(checkIns);
        weeks.Should().BeGreaterThan(3);
        initiatives.Should().BeGreaterThan(4);
        kpiValues.Should().BeGreaterThan(10);
        annotations.Should().BeGreaterThan(1);
        activePeriods.Should().Be(1);
        closedPeriods.Should().BeGreaterThan(0);
    }
}
