using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Okr.Application.Common.Interfaces;
using Okr.Application.Reviews;
using Okr.Domain.Objectives;
using Okr.Domain.Periods;
using Okr.Domain.Reviews;
using Okr.Domain.Units;
using Okr.Infrastructure.Identity;
using Okr.Infrastructure.Persistence;

namespace Okr.Infrastructure.Reviews;

/// <summary>
/// One pass of scheduled business reviews at the product clock's now (ADR 0029): for each organisation, the reviews
/// <see cref="ReviewSchedule"/> says are due (weekly for active periods that are not years, and at a quarter's end), one
/// per unit that owns active or closed objectives in the period and per unit above such a unit, each computed as of
/// its scheduled instant. Each review is saved on its own with what its publication adds (its emails); the unique key
/// on unit, period and scheduled instant refuses a second one, whoever writes it (a retry, another replica).
/// </summary>
public sealed partial class BusinessReviewRun(IServiceScopeFactory scopes, IClock clock, ILogger<BusinessReviewRun> logger)
{
    /// <summary>Runs a pass; answers how many reviews it published.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        List<Guid> organizations;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
            organizations = await db.Organizations.IgnoreQueryFilters([OkrDbContext.TenantFilter]).Select(o => o.Id).ToListAsync(cancellationToken);
        }
        var published = 0;
        foreach (var organizationId in organizations)
            published += await RunForAsync(organizationId, now, cancellationToken);
        return published;
    }

    private async Task<int> RunForAsync(Guid organizationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<(Guid UnitId, DueReview Due)> toWrite = [];
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActForOrganization(organizationId);
            var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
            var periods = (await db.Periods.AsNoTracking().Where(p => p.Kind != PeriodKind.Year).ToListAsync(cancellationToken))
                .Select(p => new ScheduledPeriod(p.Id, p.Kind == PeriodKind.Quarter, p.State == PeriodState.Active,
                    new DateTimeOffset(p.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                    new DateTimeOffset(p.End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
            var due = ReviewSchedule.Due(periods, now);
            if (due.Count == 0)
                return 0;
            var tree = new OrgTree((await db.OrgUnits.AsNoTracking().IgnoreAutoIncludes().Select(u => new { u.Id, u.ParentId }).ToListAsync(cancellationToken))
                .Select(u => (u.Id, u.ParentId)));
            foreach (var review in due)
            {
                var owners = await db.Objectives.AsNoTracking()
                    .Where(o => o.PeriodId == review.PeriodId && (o.State == ObjectiveState.Active || o.State == ObjectiveState.Closed))
                    .Select(o => o.OwningUnitId).Distinct().ToListAsync(cancellationToken);
                var units = owners.SelectMany(u => tree.AncestorsOf(u).Prepend(u)).ToHashSet();
                var written = (await db.BusinessReviews.AsNoTracking()
                        .Where(r => r.PeriodId == review.PeriodId && r.ScheduledFor == review.At).Select(r => r.UnitId).ToListAsync(cancellationToken))
                    .ToHashSet();
                toWrite.AddRange(units.Where(u => !written.Contains(u)).Order().Select(u => (u, review)));
            }
        }

        var published = 0;
        foreach (var (unitId, due) in toWrite)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActForOrganization(organizationId);
            var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
            try
            {
                await scope.ServiceProvider.GetRequiredService<BusinessReviewPublisher>()
                    .PublishAsync(organizationId, unitId, due.PeriodId, due.At, due.Trigger, requestedById: null, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                published++;
            }
            catch (DbUpdateException ex)
            {
                // Another replica (or an earlier try) published this review first: the unique key kept it single.
                LogAlreadyPublished(logger, unitId, due.PeriodId, due.At, ex.InnerException?.Message ?? ex.Message);
            }
        }
        return published;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The business review of unit {UnitId} for period {PeriodId} at {At:O} was already published: {Reason}")]
    private static partial void LogAlreadyPublished(ILogger logger, Guid unitId, Guid periodId, DateTimeOffset at, string reason);
}
