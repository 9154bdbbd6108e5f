using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;

namespace Okr.Application.Common;

/// <summary>
/// Which key results the caller can see: those whose objective they can see (a restricted objective hides its key
/// results from everyone outside it). Used where work refers to key results by id, so links to hidden key results
/// are neither made nor shown.
/// </summary>
public static class KeyResultVisibility
{
    /// <summary>The ids among <paramref name="keyResultIds"/> that name a key result the caller can see. One query.</summary>
    /// <param name="includeDeleted">Count soft-deleted key results too (to undo a link that points at one).</param>
    public static async Task<IReadOnlySet<Guid>> VisibleKeyResultIdsAsync(this IOkrDbContext db, IEnumerable<Guid> keyResultIds, AccessPolicy access,
        CancellationToken cancellationToken, bool includeDeleted = false)
    {
        var wanted = keyResultIds.Distinct().ToList();
        if (wanted.Count == 0)
            return new HashSet<Guid>();
        var keyResults = includeDeleted ? db.KeyResults.IgnoreQueryFilters([QueryFilters.SoftDelete]) : db.KeyResults;
        var rows = await keyResults.AsNoTracking()
            .Where(k => wanted.Contains(k.Id))
            .Join(db.Objectives, k => k.ObjectiveId, o => o.Id, (k, o) => new { k.Id, o.OwningUnitId, o.OwnerId, o.State, o.Visibility })
            .ToListAsync(cancellationToken);
        return rows.Where(r => access.CanSee(new ObjectiveAccess(r.OwningUnitId, r.OwnerId, r.State, r.Visibility)))
            .Select(r => r.Id).ToHashSet();
    }

    /// <summary>
    /// Every id a command lists must name a key result the caller can see; otherwise a 400 naming the field, the same
    /// answer for a missing, deleted, foreign or hidden key result, so existence does not leak.
    /// </summary>
    public static async Task EnsureVisibleKeyResultsAsync(this IOkrDbContext db, IReadOnlyCollection<Guid> keyResultIds, AccessPolicy access, string field,
        CancellationToken cancellationToken)
    {
        var visible = await db.VisibleKeyResultIdsAsync(keyResultIds, access, cancellationToken);
        if (keyResultIds.Any(id => !visible.Contains(id)))
            throw Invalid.Field(field, "No such key result in your organisation.");
    }

    /// <summary>Whether every id names a KPI of the caller's organisation (KPIs are visible to all its members).</summary>
    public static async Task<bool> AllKpisExistAsync(this IOkrDbContext db, IReadOnlyCollection<Guid> kpiIds, CancellationToken cancellationToken)
    {
        var wanted = kpiIds.Distinct().ToList();
        return wanted.Count == 0 || await db.Kpis.CountAsync(k => wanted.Contains(k.Id), cancellationToken) == wanted.Count;
    }
}
