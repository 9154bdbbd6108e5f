using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Security;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Periods;

namespace Okr.Application.Common;

/// <summary>
/// Loading by id for commands. Missing, another organisation's (the tenant filter hides them) and restricted-and-invisible
/// all answer the same 404, so existence does not leak.
/// </summary>
public static class Loading
{
    public static async Task<T> FindOrNotFoundAsync<T>(this IQueryable<T> set, Guid id, string name, CancellationToken cancellationToken)
        where T : Domain.Common.Entity =>
        await set.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new NotFoundException(name, id);

    /// <summary>An objective (with its key results) the caller can see.</summary>
    public static async Task<Objective> VisibleObjectiveAsync(this Interfaces.IOkrDbContext db, Guid id, AccessPolicy access, CancellationToken cancellationToken)
    {
        var objective = await db.Objectives.Include(o => o.KeyResults).Include(o => o.Raci)
            .FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (objective is null || !access.CanSee(ObjectiveAccess.Of(objective)))
            throw new NotFoundException("Objective", id);
        return objective;
    }

    /// <summary>A key result the caller can see (through its objective), with that objective.</summary>
    public static async Task<(KeyResult KeyResult, Objective Objective)> VisibleKeyResultAsync(this Interfaces.IOkrDbContext db, Guid id, AccessPolicy access,
        CancellationToken cancellationToken)
    {
        var objectiveId = await db.KeyResults.Where(k => k.Id == id).Select(k => (Guid?)k.ObjectiveId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("KeyResult", id);
        Objective objective;
        try
        {
            objective = await db.VisibleObjectiveAsync(objectiveId, access, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException("KeyResult", id);
        }
        return (objective.KeyResults.Single(k => k.Id == id), objective);
    }

    public static Task<Period> PeriodAsync(this Interfaces.IOkrDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Periods.FindOrNotFoundAsync(id, "Period", cancellationToken);
}
