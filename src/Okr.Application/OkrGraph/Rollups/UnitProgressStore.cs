using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Domain.Objectives;
using Okr.Domain.Units;

namespace Okr.Application.OkrGraph.Rollups;

/// <summary>
/// Keeps each unit's progress per period exact (ADR 0024): a <see cref="UnitProgressSums"/> row per unit and period,
/// created with its unit or period, moved by fixed-point increments in the transaction of every save that changes an
/// objective's counted progress, state, unit or period, or a unit's place in the tree. The persistence layer reads the
/// contributions of the objectives a save touches before it (once they are locked, ADR 0013) and after it, and adds the
/// difference to the unit's own sums and to the subtree sums of the unit and its ancestors, one row at a time in (unit,
/// period) order, so concurrent writers queue on the rows they share and never deadlock. <see cref="RebuildAsync"/>
/// recomputes every row from the source rows.
/// </summary>
public static class UnitProgressStore
{
    /// <summary>What one counted objective adds to its unit's sums.</summary>
    public sealed record Contribution(Guid OrganizationId, Guid PeriodId, Guid UnitId, long Sum);

    /// <summary>A unit that changed parent in the save.</summary>
    public sealed record UnitMove(Guid OrganizationId, Guid UnitId, Guid? OldParentId, Guid? NewParentId);

    private sealed record Change(Guid OrganizationId)
    {
        public long OwnSum { get; set; }
        public int OwnCount { get; set; }
        public long SubtreeSum { get; set; }
        public int SubtreeCount { get; set; }
        public bool IsEmpty => OwnSum == 0 && OwnCount == 0 && SubtreeSum == 0 && SubtreeCount == 0;
    }

    /// <summary>The contributions of these objectives as stored now: one statement (call it with the objectives locked).</summary>
    public static async Task<List<Contribution>> ContributionsAsync(IOkrDbContext db, IReadOnlyCollection<Guid> objectiveIds, bool allOrganizations,
        CancellationToken cancellationToken)
    {
        if (objectiveIds.Count == 0) return [];
        var ids = objectiveIds.ToList();
        var rows = await Rows(db.Objectives, allOrganizations).AsNoTracking()
            .Where(o => EF.Parameter(ids).Contains(o.Id) && (o.State == ObjectiveState.Active || o.State == ObjectiveState.Closed))
            .Select(o => new { o.OrganizationId, o.PeriodId, o.OwningUnitId, o.Progress })
            .ToListAsync(cancellationToken);
        return rows.Select(o => new Contribution(o.OrganizationId, o.PeriodId, o.OwningUnitId, UnitProgressSums.ToFixed(o.Progress))).ToList();
    }

    /// <summary>
    /// Adds (tracked, saved by the save in progress) an empty row for each new unit in every period of its organisation
    /// and for each new period for every unit: a row exists before anything can count in it, so writers only ever
    /// increment (no insert races).
    /// </summary>
    public static async Task AddRowsAsync(IOkrDbContext db, IReadOnlyCollection<(Guid OrganizationId, Guid UnitId)> newUnits,
        IReadOnlyCollection<(Guid OrganizationId, Guid PeriodId)> newPeriods, bool allOrganizations, CancellationToken cancellationToken)
    {
        if (newUnits.Count == 0 && newPeriods.Count == 0) return;
        var organizations = newUnits.Select(u => u.OrganizationId).Concat(newPeriods.Select(p => p.OrganizationId)).Distinct().ToList();
        var units = newPeriods.Count == 0 ? [] : await Rows(db.OrgUnits, allOrganizations).AsNoTracking().IgnoreAutoIncludes()
            .Where(u => EF.Parameter(organizations).Contains(u.OrganizationId)).Select(u => new { u.OrganizationId, u.Id }).ToListAsync(cancellationToken);
        var periods = newUnits.Count == 0 ? [] : await Rows(db.Periods, allOrganizations).AsNoTracking().IgnoreAutoIncludes()
            .Where(p => EF.Parameter(organizations).Contains(p.OrganizationId)).Select(p => new { p.OrganizationId, p.Id }).ToListAsync(cancellationToken);
        var allUnits = units.Select(u => (u.OrganizationId, u.Id)).Concat(newUnits).Distinct().ToList();
        var allPeriods = periods.Select(p => (p.OrganizationId, p.Id)).Concat(newPeriods).Distinct().ToList();
        var keys = new HashSet<(Guid Organization, Guid Unit, Guid Period)>();
        foreach (var (organization, unit) in newUnits)
            foreach (var period in allPeriods.Where(p => p.OrganizationId == organization))
                keys.Add((organization, unit, period.Item2));
        foreach (var (organization, period) in newPeriods)
            foreach (var unit in allUnits.Where(u => u.OrganizationId == organization))
                keys.Add((organization, unit.Item2, period));
        foreach (var (organization, unit, period) in keys)
            db.UnitProgress.Add(new UnitProgressSums(organization, unit, period));
    }

    /// <summary>
    /// Moves the rows by what changed: <paramref name="before"/> and <paramref name="after"/> are the contributions of the
    /// same (locked) objectives before and after the save, <paramref name="moves"/> the units that changed parent. Runs
    /// after the save, in its transaction.
    /// </summary>
    public static async Task ApplyAsync(IOkrDbContext db, IReadOnlyList<Contribution> before, IReadOnlyList<Contribution> after,
        IReadOnlyList<UnitMove> moves, IReadOnlyCollection<Guid> deletedUnits, IReadOnlyCollection<Guid> deletedPeriods,
        IReadOnlyDictionary<Guid, Guid?> knownParents, bool allOrganizations, CancellationToken cancellationToken)
    {
        if (deletedUnits.Count > 0)
        {
            var ids = deletedUnits.ToList();
            await Rows(db.UnitProgress, allOrganizations).Where(u => EF.Parameter(ids).Contains(u.UnitId)).ExecuteDeleteAsync(cancellationToken);
        }
        if (deletedPeriods.Count > 0)
        {
            var ids = deletedPeriods.ToList();
            await Rows(db.UnitProgress, allOrganizations).Where(u => EF.Parameter(ids).Contains(u.PeriodId)).ExecuteDeleteAsync(cancellationToken);
        }

        // Each unit's own change: what its objectives add now less what they added before.
        var own = new Dictionary<(Guid Period, Guid Unit), Change>();
        foreach (var (c, sign) in before.Select(c => (c, -1)).Concat(after.Select(c => (c, 1))))
        {
            if (!own.TryGetValue((c.PeriodId, c.UnitId), out var change))
                own[(c.PeriodId, c.UnitId)] = change = new Change(c.OrganizationId);
            change.OwnSum += sign * c.Sum;
            change.OwnCount += sign;
        }
        foreach (var key in own.Where(o => o.Value.IsEmpty).Select(o => o.Key).ToList())
            own.Remove(key);
        if (own.Count == 0 && moves.Count == 0)
            return;

        var chainsFrom = own.Keys.Select(k => k.Unit).Concat(moves.SelectMany(m => new[] { m.OldParentId, m.NewParentId }).OfType<Guid>()).ToHashSet();
        // The tree as read before the locks were taken (checked below), unless this save moves units.
        var parents = await ParentsAsync(db, chainsFrom, moves.Count == 0 ? knownParents : null, allOrganizations, cancellationToken);
        var rows = new Dictionary<(Guid Period, Guid Unit), Change>();
        Change Row(Guid organization, Guid period, Guid unit) =>
            rows.TryGetValue((period, unit), out var row) ? row : rows[(period, unit)] = new Change(organization);
        foreach (var ((period, unit), change) in own)
        {
            var row = Row(change.OrganizationId, period, unit);
            row.OwnSum += change.OwnSum;
            row.OwnCount += change.OwnCount;
            foreach (var ancestor in Chain(parents, unit))
            {
                var above = Row(change.OrganizationId, period, ancestor);
                above.SubtreeSum += change.OwnSum;
                above.SubtreeCount += change.OwnCount;
            }
        }

        if (moves.Count > 0)
        {
            // A moved unit's subtree sums leave its old ancestors and join its new ones. Its rows and every row the move
            // touches are locked first, in the global order, so no increment lands between reading and moving them.
            var organizations = moves.Select(m => m.OrganizationId).Distinct().ToList();
            var periods = await Rows(db.Periods, allOrganizations).AsNoTracking().IgnoreAutoIncludes()
                .Where(p => EF.Parameter(organizations).Contains(p.OrganizationId)).Select(p => new { p.OrganizationId, p.Id }).ToListAsync(cancellationToken);
            var keys = new HashSet<(Guid Period, Guid Unit)>(rows.Keys);
            foreach (var move in moves)
                foreach (var period in periods.Where(p => p.OrganizationId == move.OrganizationId))
                {
                    keys.Add((period.Id, move.UnitId));
                    foreach (var unit in Chain(parents, move.OldParentId).Concat(Chain(parents, move.NewParentId)))
                        keys.Add((period.Id, unit));
                }
            foreach (var (period, unit) in keys.OrderBy(k => k.Unit).ThenBy(k => k.Period))
                await Rows(db.UnitProgress, allOrganizations).Where(u => u.PeriodId == period && u.UnitId == unit)
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.SubtreeSum, u => u.SubtreeSum), cancellationToken);
            var movedIds = moves.Select(m => m.UnitId).ToList();
            var moved = await Rows(db.UnitProgress, allOrganizations).AsNoTracking()
                .Where(u => EF.Parameter(movedIds).Contains(u.UnitId) && (u.SubtreeCount != 0 || u.SubtreeSum != 0))
                .Select(u => new { u.UnitId, u.PeriodId, u.SubtreeSum, u.SubtreeCount })
                .ToListAsync(cancellationToken);
            foreach (var move in moves)
                foreach (var sums in moved.Where(m => m.UnitId == move.UnitId))
                {
                    foreach (var unit in Chain(parents, move.OldParentId))
                    {
                        var row = Row(move.OrganizationId, sums.PeriodId, unit);
                        row.SubtreeSum -= sums.SubtreeSum;
                        row.SubtreeCount -= sums.SubtreeCount;
                    }
                    foreach (var unit in Chain(parents, move.NewParentId))
                    {
                        var row = Row(move.OrganizationId, sums.PeriodId, unit);
                        row.SubtreeSum += sums.SubtreeSum;
                        row.SubtreeCount += sums.SubtreeCount;
                    }
                }
        }

        await IncrementAsync(db, rows, allOrganizations, cancellationToken);

        // A unit moved by a writer that committed while this one waited on a row: the ancestors this save added to are
        // no longer the unit's. Rare (a move racing a write below it); compensated here, now that the tree is settled.
        if (own.Count > 0)
        {
            var used = parents.Keys.ToList();
            var now = await Rows(db.OrgUnits, allOrganizations).AsNoTracking().IgnoreAutoIncludes()
                .Where(u => EF.Parameter(used).Contains(u.Id)).Select(u => new { u.Id, u.ParentId }).ToDictionaryAsync(u => u.Id, u => u.ParentId, cancellationToken);
            if (used.Any(id => now.GetValueOrDefault(id) != parents[id]))
            {
                var settled = await ParentsAsync(db, own.Keys.Select(k => k.Unit).ToHashSet(), null, allOrganizations, cancellationToken);
                var corrections = new Dictionary<(Guid Period, Guid Unit), Change>();
                foreach (var ((period, unit), change) in own)
                {
                    var wrong = Chain(parents, unit).ToHashSet();
                    var right = Chain(settled, unit).ToHashSet();
                    foreach (var (ancestor, sign) in wrong.Except(right).Select(a => (a, -1)).Concat(right.Except(wrong).Select(a => (a, 1))))
                    {
                        if (!corrections.TryGetValue((period, ancestor), out var row))
                            corrections[(period, ancestor)] = row = new Change(change.OrganizationId);
                        row.SubtreeSum += sign * change.OwnSum;
                        row.SubtreeCount += sign * change.OwnCount;
                    }
                }
                await IncrementAsync(db, corrections, allOrganizations, cancellationToken);
            }
        }
    }

    /// <summary>One atomic increment per row, in (unit, period) order: the order every writer takes the rows' locks in.</summary>
    private static async Task IncrementAsync(IOkrDbContext db, Dictionary<(Guid Period, Guid Unit), Change> rows, bool allOrganizations,
        CancellationToken cancellationToken)
    {
        foreach (var ((period, unit), change) in rows.Where(r => !r.Value.IsEmpty).OrderBy(r => r.Key.Unit).ThenBy(r => r.Key.Period))
        {
            long ownSum = change.OwnSum, subtreeSum = change.SubtreeSum;
            int ownCount = change.OwnCount, subtreeCount = change.SubtreeCount;
            await Rows(db.UnitProgress, allOrganizations).Where(u => u.PeriodId == period && u.UnitId == unit)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(u => u.OwnSum, u => u.OwnSum + ownSum)
                    .SetProperty(u => u.OwnCount, u => u.OwnCount + ownCount)
                    .SetProperty(u => u.SubtreeSum, u => u.SubtreeSum + subtreeSum)
                    .SetProperty(u => u.SubtreeCount, u => u.SubtreeCount + subtreeCount), cancellationToken);
        }
    }

    /// <summary>
    /// The units owning these objectives with their ancestors (their parents): read before the objectives are locked, so a
    /// writer waiting on a lock does not hold everyone behind it for the walk. <see cref="ApplyAsync"/> checks them.
    /// </summary>
    public static async Task<Dictionary<Guid, Guid?>> UnitsAboveAsync(IOkrDbContext db, IReadOnlyCollection<Guid> objectiveIds,
        IEnumerable<Guid> moreUnits, bool allOrganizations, CancellationToken cancellationToken)
    {
        var ids = objectiveIds.ToList();
        var units = ids.Count == 0 ? [] : await Rows(db.Objectives, allOrganizations).AsNoTracking()
            .Where(o => EF.Parameter(ids).Contains(o.Id) && (o.State == ObjectiveState.Active || o.State == ObjectiveState.Closed))
            .Select(o => o.OwningUnitId).Distinct().ToListAsync(cancellationToken);
        return await ParentsAsync(db, units.Concat(moreUnits).ToHashSet(), null, allOrganizations, cancellationToken);
    }

    /// <summary>Each of these units' parent and its ancestors' (one statement per level of the tree), beyond those already known.</summary>
    private static async Task<Dictionary<Guid, Guid?>> ParentsAsync(IOkrDbContext db, HashSet<Guid> unitIds, IReadOnlyDictionary<Guid, Guid?>? known,
        bool allOrganizations, CancellationToken cancellationToken)
    {
        var parents = new Dictionary<Guid, Guid?>();
        // A known unit's whole chain is known: it was read up to the root.
        foreach (var start in unitIds.Where(id => known?.ContainsKey(id) == true))
            for (Guid? at = start; at is { } id && known!.TryGetValue(id, out var parent) && parents.TryAdd(id, parent); at = parent) { }
        var frontier = unitIds.Where(id => !parents.ContainsKey(id)).ToList();
        while (frontier.Count > 0)
        {
            var level = await Rows(db.OrgUnits, allOrganizations).AsNoTracking().IgnoreAutoIncludes()
                .Where(u => EF.Parameter(frontier).Contains(u.Id)).Select(u => new { u.Id, u.ParentId }).ToListAsync(cancellationToken);
            foreach (var unit in level) parents[unit.Id] = unit.ParentId;
            frontier = level.Select(u => u.ParentId).OfType<Guid>().Where(id => !parents.ContainsKey(id)).Distinct().ToList();
        }
        return parents;
    }

    /// <summary>The unit and every unit above it.</summary>
    private static IEnumerable<Guid> Chain(Dictionary<Guid, Guid?> parents, Guid? unit)
    {
        var seen = new HashSet<Guid>();
        for (var at = unit; at is { } id && seen.Add(id); at = parents.GetValueOrDefault(id))
            yield return id;
    }

    /// <summary>
    /// Every row as the source rows say it should be: each counted objective's progress added to its unit and to every unit
    /// above it, for every unit and period of the organisations (the caller's, or all of them).
    /// </summary>
    public static async Task<List<UnitProgressSums>> ComputeAsync(IOkrDbContext db, bool allOrganizations, CancellationToken cancellationToken)
    {
        var units = await Rows(db.OrgUnits, allOrganizations).AsNoTracking().IgnoreAutoIncludes()
            .Select(u => new { u.OrganizationId, u.Id, u.ParentId }).ToListAsync(cancellationToken);
        var periods = await Rows(db.Periods, allOrganizations).AsNoTracking().IgnoreAutoIncludes()
            .Select(p => new { p.OrganizationId, p.Id }).ToListAsync(cancellationToken);
        var counted = await Rows(db.Objectives, allOrganizations).AsNoTracking()
            .Where(o => o.State == ObjectiveState.Active || o.State == ObjectiveState.Closed)
            .Select(o => new { o.PeriodId, o.OwningUnitId, o.Progress }).ToListAsync(cancellationToken);
        var parents = units.ToDictionary(u => u.Id, u => u.ParentId);
        var sums = new Dictionary<(Guid Period, Guid Unit), Change>();
        foreach (var o in counted)
        {
            var value = UnitProgressSums.ToFixed(o.Progress);
            var at = sums.TryGetValue((o.PeriodId, o.OwningUnitId), out var found) ? found : sums[(o.PeriodId, o.OwningUnitId)] = new Change(Guid.Empty);
            at.OwnSum += value;
            at.OwnCount++;
            foreach (var unit in Chain(parents, o.OwningUnitId))
            {
                var row = sums.TryGetValue((o.PeriodId, unit), out var r) ? r : sums[(o.PeriodId, unit)] = new Change(Guid.Empty);
                row.SubtreeSum += value;
                row.SubtreeCount++;
            }
        }
        var result = new List<UnitProgressSums>();
        foreach (var period in periods)
            foreach (var unit in units.Where(u => u.OrganizationId == period.OrganizationId))
            {
                var s = sums.GetValueOrDefault((period.Id, unit.Id)) ?? new Change(Guid.Empty);
                result.Add(new UnitProgressSums(unit.OrganizationId, unit.Id, period.Id, s.OwnSum, s.OwnCount, s.SubtreeSum, s.SubtreeCount));
            }
        return result;
    }

    /// <summary>
    /// Recomputes every row from the source rows (<see cref="ComputeAsync"/>): writes the rows that differ, adds the
    /// missing ones and deletes those of units or periods that are gone. Answers how many rows it corrected.
    /// </summary>
    public static async Task<(int Rows, int Corrected)> RebuildAsync(IOkrDbContext db, bool allOrganizations, CancellationToken cancellationToken)
    {
        var expected = await ComputeAsync(db, allOrganizations, cancellationToken);
        var stored = await Rows(db.UnitProgress, allOrganizations).AsNoTracking().ToDictionaryAsync(u => (u.PeriodId, u.UnitId), cancellationToken);
        var corrected = 0;
        foreach (var row in expected)
        {
            if (stored.Remove((row.PeriodId, row.UnitId), out var current))
            {
                if ((current.OwnSum, current.OwnCount, current.SubtreeSum, current.SubtreeCount) == (row.OwnSum, row.OwnCount, row.SubtreeSum, row.SubtreeCount))
                    continue;
                await Rows(db.UnitProgress, allOrganizations).Where(u => u.PeriodId == row.PeriodId && u.UnitId == row.UnitId)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(u => u.OwnSum, row.OwnSum).SetProperty(u => u.OwnCount, row.OwnCount)
                        .SetProperty(u => u.SubtreeSum, row.SubtreeSum).SetProperty(u => u.SubtreeCount, row.SubtreeCount), cancellationToken);
            }
            else
                db.UnitProgress.Add(row);
            corrected++;
        }
        foreach (var gone in stored.Values)
        {
            await Rows(db.UnitProgress, allOrganizations).Where(u => u.PeriodId == gone.PeriodId && u.UnitId == gone.UnitId).ExecuteDeleteAsync(cancellationToken);
            corrected++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return (expected.Count, corrected);
    }

    /// <summary>The caller's rows, or with <paramref name="allOrganizations"/> every organisation's (the tenant filter lifted).</summary>
    private static IQueryable<T> Rows<T>(IQueryable<T> query, bool allOrganizations) where T : class =>
        allOrganizations ? query.IgnoreQueryFilters([QueryFilters.Tenant]) : query;
}
