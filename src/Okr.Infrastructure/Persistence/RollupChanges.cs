using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Okr.Application.OkrGraph.Rollups;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Periods;
using Okr.Domain.Units;

namespace Okr.Infrastructure.Persistence;

/// <summary>
/// Keeps the maintained rollups of every save exact (ADR 0013): before the save, finds the objectives whose progress
/// the changed rows feed (and everything they contribute to) and locks them in one global order; after it, in the
/// same transaction, recomputes them from the committed rows. Whatever command made the change, the values follow.
/// </summary>
internal static class RollupChanges
{
    internal sealed record Pending(IReadOnlyCollection<Guid> Objectives, IReadOnlyCollection<Guid> CheckedInKeyResults, bool AllOrganizations,
        bool AlignmentsChanged, UnitsPending Units);

    /// <summary>What the unit rows (ADR 0024) need after the save: the touched objectives' contributions before it, and the tree's changes.</summary>
    internal sealed record UnitsPending(IReadOnlyList<UnitProgressStore.Contribution> Before, IReadOnlyList<UnitProgressStore.UnitMove> Moves,
        IReadOnlyCollection<Guid> DeletedUnits, IReadOnlyCollection<Guid> DeletedPeriods, IReadOnlyDictionary<Guid, Guid?> UnitsAbove);

    /// <summary>
    /// What an objective's own row gives the rollups: whether it counts (state), what it counts with (grades), and where
    /// it counts in unit progress (its unit and period).
    /// </summary>
    private static readonly string[] RollupInputs =
        [nameof(Objective.State), nameof(Objective.Grade), nameof(Objective.GradeOverride), nameof(Objective.OwningUnitId), nameof(Objective.PeriodId)];

    /// <summary>Properties a save writes without moving the aggregate's version (they follow check-ins, they are not edits).</summary>
    internal static bool IsMaintained(EntityEntry entry) =>
        entry.State == EntityState.Modified
        && entry.Entity is KeyResult
        && entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name is nameof(KeyResult.CurrentValue) or nameof(KeyResult.CurrentValueDate));

    public static async Task<Pending?> BeforeSaveAsync(OkrDbContext db, List<EntityEntry> changed, CancellationToken cancellationToken)
    {
        var objectives = new HashSet<Guid>();
        var checkedIn = new HashSet<Guid>();
        var readings = new HashSet<Guid>();
        var datesMoved = new List<Guid>();
        var alignmentsChanged = false;
        var newUnits = new List<(Guid, Guid)>();
        var newPeriods = new List<(Guid, Guid)>();
        var moves = new List<UnitProgressStore.UnitMove>();
        var deletedUnits = new List<Guid>();
        var deletedPeriods = new List<Guid>();
        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
                case OrgUnit unit when entry.State == EntityState.Added:
                    newUnits.Add((unit.OrganizationId, unit.Id));
                    break;
                case OrgUnit unit when entry.State == EntityState.Deleted:
                    deletedUnits.Add(unit.Id);
                    break;
                case OrgUnit unit when entry.Property(nameof(OrgUnit.ParentId)).IsModified
                                       && Original<Guid?>(entry, nameof(OrgUnit.ParentId)) != unit.ParentId:
                    moves.Add(new UnitProgressStore.UnitMove(unit.OrganizationId, unit.Id, Original<Guid?>(entry, nameof(OrgUnit.ParentId)), unit.ParentId));
                    break;
                case Period period when entry.State == EntityState.Added:
                    newPeriods.Add((period.OrganizationId, period.Id));
                    break;
                case Period period when entry.State == EntityState.Deleted:
                    deletedPeriods.Add(period.Id);
                    break;
                // Only what the rollup reads: a title or description edit locks and recomputes nothing.
                case Objective objective when entry.State != EntityState.Modified
                                              || RollupInputs.Any(p => entry.Property(p).IsModified):
                    objectives.Add(objective.Id);
                    break;
                case KeyResult keyResult:
                    objectives.Add(Original<Guid>(entry, nameof(KeyResult.ObjectiveId)));
                    objectives.Add(Current<Guid>(entry, nameof(KeyResult.ObjectiveId)));
                    // Its measure feeds its forecast: its readings are refreshed too.
                    if (entry.State != EntityState.Deleted) readings.Add(keyResult.Id);
                    break;
                case Period period when entry.State == EntityState.Modified
                                        && (entry.Property(nameof(Period.Start)).IsModified || entry.Property(nameof(Period.End)).IsModified):
                    datesMoved.Add(period.Id);
                    break;
                case Alignment:
                    alignmentsChanged = true;
                    objectives.Add(Original<Guid>(entry, nameof(Alignment.ParentObjectiveId)));
                    objectives.Add(Current<Guid>(entry, nameof(Alignment.ParentObjectiveId)));
                    break;
                case CheckIn checkIn:
                    checkedIn.Add(checkIn.KeyResultId);
                    break;
            }
        }
        if (checkedIn.Count > 0)
        {
            var tracked = db.ChangeTracker.Entries<KeyResult>().Where(k => checkedIn.Contains(k.Entity.Id)).ToDictionary(k => k.Entity.Id, k => k.Entity.ObjectiveId);
            var missing = checkedIn.Where(id => !tracked.ContainsKey(id)).ToList();
            var found = missing.Count == 0
                ? []
                : await db.KeyResults.IgnoreQueryFilters([OkrDbContext.SoftDeleteFilter]).AsNoTracking()
                    .Where(k => EF.Parameter(missing).Contains(k.Id)).Select(k => k.ObjectiveId).ToListAsync(cancellationToken);
            objectives.UnionWith(tracked.Values);
            objectives.UnionWith(found);
        }
        objectives.Remove(Guid.Empty);
        readings.UnionWith(checkedIn);
        if (datesMoved.Count > 0)
        {
            // A period's dates frame its key results' forecasts (rare: an admin moving a period's start or end).
            readings.UnionWith(await db.KeyResults.AsNoTracking()
                .Where(k => db.Objectives.Any(o => o.Id == k.ObjectiveId && EF.Parameter(datesMoved).Contains(o.PeriodId)))
                .Select(k => k.Id).ToListAsync(cancellationToken));
        }
        var unitsChanged = newUnits.Count + newPeriods.Count + moves.Count + deletedUnits.Count + deletedPeriods.Count > 0;
        if (objectives.Count == 0 && readings.Count == 0 && !unitsChanged)
            return null;

        // Seeding and tools save with no signed-in organisation: the rows they touch are found across organisations.
        var all = db.CurrentOrganizationId == Guid.Empty;
        var targets = await ObjectiveProgressStore.WithAncestorsAsync(db, objectives, all, cancellationToken);
        // The units the objectives count in, with their ancestors, before the locks: writers queued on an objective do not
        // wait for each other's walks up the tree (checked after the increments, ADR 0024).
        var unitsAbove = await UnitProgressStore.UnitsAboveAsync(db, targets,
            changed.Where(e => e.Entity is Objective && e.State != EntityState.Deleted).Select(e => ((Objective)e.Entity).OwningUnitId), all, cancellationToken);
        if (db.Database.CurrentTransaction is not null)
            await ObjectiveProgressStore.LockAsync(db, targets, all, cancellationToken);
        // Locked, the objectives' contributions to unit progress cannot move until this transaction ends: what they add
        // after the save less what they add now is exactly what the unit rows must move by.
        var before = await UnitProgressStore.ContributionsAsync(db, targets, all, cancellationToken);
        await UnitProgressStore.AddRowsAsync(db, newUnits, newPeriods, all, cancellationToken);
        return new Pending(targets, readings, all, alignmentsChanged, new UnitsPending(before, moves, deletedUnits, deletedPeriods, unitsAbove));
    }

    public static async Task AfterSaveAsync(OkrDbContext db, Pending? pending, CancellationToken cancellationToken)
    {
        if (pending is null)
            return;
        // The ancestors were found before the save; only a changed alignment can have added new ones.
        await ObjectiveProgressStore.RefreshAsync(db, pending.Objectives, pending.CheckedInKeyResults, pending.AllOrganizations,
            walkAncestors: pending.AlignmentsChanged, cancellationToken);
        var units = pending.Units;
        var after = await UnitProgressStore.ContributionsAsync(db, pending.Objectives, pending.AllOrganizations, cancellationToken);
        await UnitProgressStore.ApplyAsync(db, units.Before, after, units.Moves, units.DeletedUnits, units.DeletedPeriods, units.UnitsAbove,
            pending.AllOrganizations, cancellationToken);
    }

    private static T Original<T>(EntityEntry entry, string property) =>
        entry.State == EntityState.Added ? (T)entry.Property(property).CurrentValue! : (T)entry.Property(property).OriginalValue!;

    private static T Current<T>(EntityEntry entry, string property) => (T)entry.Property(property).CurrentValue!;
}
