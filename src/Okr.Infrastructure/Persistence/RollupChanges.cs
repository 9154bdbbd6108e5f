using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Okr.Application.OkrGraph.Rollups;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Periods;

namespace Okr.Infrastructure.Persistence;

/// <summary>
/// Keeps the maintained rollups of every save exact (ADR 0013): before the save, finds the objectives whose progress
/// the changed rows feed (and everything they contribute to) and locks them in one global order; after it, in the
/// same transaction, recomputes them from the committed rows. Whatever command made the change, the values follow.
/// </summary>
internal static class RollupChanges
{
    internal sealed record Pending(IReadOnlyCollection<Guid> Objectives, IReadOnlyCollection<Guid> CheckedInKeyResults, bool AllOrganizations,
        bool AlignmentsChanged);

    /// <summary>What an objective's own row gives the rollup: whether it counts (state) and what it counts with (grades).</summary>
    private static readonly string[] RollupInputs = [nameof(Objective.State), nameof(Objective.Grade), nameof(Objective.GradeOverride)];

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
        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
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
        if (objectives.Count == 0 && readings.Count == 0)
            return null;

        // Seeding and tools save with no signed-in organisation: the rows they touch are found across organisations.
        var all = db.CurrentOrganizationId == Guid.Empty;
        var targets = await ObjectiveProgressStore.WithAncestorsAsync(db, objectives, all, cancellationToken);
        if (db.Database.CurrentTransaction is not null)
            await ObjectiveProgressStore.LockAsync(db, targets, all, cancellationToken);
        return new Pending(targets, readings, all, alignmentsChanged);
    }

    public static Task AfterSaveAsync(OkrDbContext db, Pending? pending, CancellationToken cancellationToken) =>
        pending is null
            ? Task.CompletedTask
            // The ancestors were found before the save; only a changed alignment can have added new ones.
            : ObjectiveProgressStore.RefreshAsync(db, pending.Objectives, pending.CheckedInKeyResults, pending.AllOrganizations,
                walkAncestors: pending.AlignmentsChanged, cancellationToken);

    private static T Original<T>(EntityEntry entry, string property) =>
        entry.State == EntityState.Added ? (T)entry.Property(property).CurrentValue! : (T)entry.Property(property).OriginalValue!;

    private static T Current<T>(EntityEntry entry, string property) => (T)entry.Property(property).CurrentValue!;
}
