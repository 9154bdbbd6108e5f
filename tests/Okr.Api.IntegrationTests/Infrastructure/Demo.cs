using Microsoft.EntityFrameworkCore;
using Okr.Domain.Objectives;
using Okr.Domain.Periods;

namespace Okr.Api.IntegrationTests.Infrastructure;

/// <summary>Ids in the seeded demo organisation, looked up by name.</summary>
public sealed record Demo(
    Guid OrganizationId,
    Guid CurrentPeriodId,
    Guid NextPeriodId,
    IReadOnlyDictionary<string, Guid> Units,
    IReadOnlyDictionary<string, Guid> People,
    Guid CompanyObjectiveId,
    IReadOnlyList<Guid> CompanyKeyResultIds)
{
    public const string CompanyObjective = "Make it easy for the right customers to buy and hard for them to go";

    public static async Task<Demo> LoadAsync(OkrApiFactory host)
    {
        var organizationId = await host.WithDbAsync(db => db.Organizations.IgnoreQueryFilters().Where(o => o.Name == "Acme").Select(o => o.Id).SingleAsync());
        return await host.WithDbAsync(async db =>
        {
            var quarters = await db.Periods.Where(p => p.Kind == PeriodKind.Quarter).OrderBy(p => p.Start).ToListAsync();
            var current = quarters.Single(p => p.State == PeriodState.Active);
            var next = quarters.First(p => p.Start > current.Start);
            var company = await db.Objectives.Include(o => o.KeyResults)
                .SingleAsync(o => o.Title == CompanyObjective && o.PeriodId == current.Id);
            return new Demo(
                organizationId,
                current.Id,
                next.Id,
                await db.OrgUnits.ToDictionaryAsync(u => u.Name, u => u.Id),
                await db.People.ToDictionaryAsync(p => p.Email, p => p.Id),
                company.Id,
                company.KeyResults.OrderBy(k => k.SortOrder).Select(k => k.Id).ToList());
        }, organizationId);
    }
}
