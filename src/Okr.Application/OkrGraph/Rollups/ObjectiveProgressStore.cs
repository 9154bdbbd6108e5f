using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Domain.Computations;
using Okr.Domain.Periods;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;

namespace Okr.Application.OkrGraph.Rollups;

/// <summary>
/// Keeps the maintained values exact (ADR 0013): each objective's rolled-up <see cref="Objective.Progress"/> (its key
/// results and contributing children, as <see cref="ObjectiveRollup"/> computes it) and each key result's current
/// value (its latest check-in). The persistence layer calls <see cref="LockAsync"/> before a save that changes what
/// an objective's progress is computed from, and <see cref="RefreshAsync"/> after it, in the same transaction: the
/// objective and its contributing ancestors are locked in one global order (so concurrent writers queue instead of
/// failing or deadlocking), then recomputed bottom-up from committed rows. The cost follows the ancestors, never the
/// organisation. <see cref="RebuildAsync"/> recomputes everything from the source rows, unit progress included
/// (<see cref="UnitProgressStore"/>).
/// </summary>
public static class ObjectiveProgressStore
{
    /// <summary>The objectives and every objective they contribute to, transitively (one statement per level).</summary>
    public static async Task<HashSet<Guid>> WithAncestorsAsync(IOkrDbContext db, IEnumerable<Guid> objectiveIds, bool allOrganizations,
        CancellationToken cancellationToken)
    {
        var all = objectiveIds.ToHashSet();
        var above = await AlignmentGraph.LoadAsync(all, upwards: true, async frontier =>
            (await LiveAlignments(db, allOrganizations)
                .Where(a => a.Kind == AlignmentKind.Contributes && EF.Parameter(frontier).Contains(a.ChildObjectiveId))
                .Select(a => new { a.ChildObjectiveId, a.ParentObjectiveId })
                .Distinct()
                .ToListAsync(cancellationToken))
            .Select(a => (a.ChildObjectiveId, a.ParentObjectiveId)));
        all.UnionWith(above.AncestorsOf(all));
        return all;
    }

    /// <summary>
    /// Takes the row lock of each objective, in id order (one global order, so two writers never wait on each other
    /// in a cycle). Held until the transaction ends; without a transaction it is a no-op in effect.
    /// </summary>
    public static async Task LockAsync(IOkrDbContext db, IEnumerable<Guid> objectiveIds, bool allOrganizations, CancellationToken cancellationToken)
    {
        foreach (var id in objectiveIds.Distinct().Order())
        {
            await Rows(db.Objectives, allOrganizations).Where(o => o.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Progress, o => o.Progress), cancellationToken);
        }
    }

    /// <summary>
    /// Recomputes the readings of these key results from their check-ins, then the progress of these objectives (and, when
    /// <paramref name="walkAncestors"/> is set, of everything they contribute to) from committed rows; writes only what changed.
    /// </summary>
    public static async Task RefreshAsync(IOkrDbContext db, IReadOnlyCollection<Guid> objectiveIds, IReadOnlyCollection<Guid> checkedInKeyResultIds,
        bool allOrganizations, bool walkAncestors, CancellationToken cancellationToken)
    {
        if (checkedInKeyResultIds.Count > 0)
            await RefreshCurrentValuesAsync(db, checkedInKeyResultIds.Distinct().ToList(), allOrganizations, cancellationToken);
        if (objectiveIds.Count == 0)
            return;

        var targets = walkAncestors ? await WithAncestorsAsync(db, objectiveIds, allOrganizations, cancellationToken) : objectiveIds.ToHashSet();
        var targetList = targets.ToList();
        var objectives = await Rows(db.Objectives, allOrganizations).AsNoTracking()
            .Where(o => EF.Parameter(targetList).Contains(o.Id))
            .Select(o => new ObjectiveRow(o.Id, o.State, o.Progress, o.GradeOverride ?? o.Grade))
            .ToListAsync(cancellationToken);
        var keyResults = await Rows(db.KeyResults, allOrganizations).AsNoTracking()
            .Where(k => EF.Parameter(targetList).Contains(k.ObjectiveId))
            .ToListAsync(cancellationToken);
        var alignments = await LiveAlignments(db, allOrganizations).AsNoTracking()
            .Where(a => a.Kind == AlignmentKind.Contributes && EF.Parameter(targetList).Contains(a.ParentObjectiveId))
            .Select(a => new RollupAlignment(a.ChildObjectiveId, a.ParentObjectiveId, true, a.Weight))
            .ToListAsync(cancellationToken);
        var outside = alignments.Select(a => a.ChildObjectiveId).Where(id => !targets.Contains(id)).Distinct().ToList();
        var children = outside.Count == 0
            ? []
            : await Rows(db.Objectives, allOrganizations).AsNoTracking()
                .Where(o => EF.Parameter(outside).Contains(o.Id))
                .Select(o => new ObjectiveRow(o.Id, o.State, o.Progress, o.GradeOverride ?? o.Grade))
                .ToListAsync(cancellationToken);

        var computed = Compute(objectives, children, keyResults, alignments);
        foreach (var objective in objectives)
        {
            var progress = computed[objective.Id];
            if (progress.Equals(objective.Progress)) continue;
            await Rows(db.Objectives, allOrganizations).Where(o => o.Id == objective.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Progress, progress), cancellationToken);
        }
    }

    /// <summary>
    /// Recomputes every maintained value from the source rows: key results' current values from their check-ins, then
    /// objectives' progress. The caller's organisation, or with <paramref name="allOrganizations"/> every organisation
    /// (the operator's <c>rebuild-rollups</c> command, run with no signed-in user). Answers what was corrected.
    /// </summary>
    public static async Task<RebuildResult> RebuildAsync(IOkrDbContext db, bool allOrganizations, CancellationToken cancellationToken)
    {
        // Current values, a slice of key results at a time so memory stays flat however many check-ins there are.
        var keyResultIds = await Rows(db.KeyResults, allOrganizations).AsNoTracking().OrderBy(k => k.Id).Select(k => k.Id).ToListAsync(cancellationToken);
        var values = 0;
        foreach (var slice in keyResultIds.Chunk(2000))
            values += await RefreshCurrentValuesAsync(db, slice, allOrganizations, cancellationToken);

        var objectives = await Rows(db.Objectives, allOrganizations).AsNoTracking()
            .Select(o => new ObjectiveRow(o.Id, o.State, o.Progress, o.GradeOverride ?? o.Grade))
            .ToListAsync(cancellationToken);
        var keyResults = await Rows(db.KeyResults, allOrganizations).AsNoTracking().ToListAsync(cancellationToken);
        var alignments = await LiveAlignments(db, allOrganizations).AsNoTracking()
            .Where(a => a.Kind == AlignmentKind.Contributes)
            .Select(a => new RollupAlignment(a.ChildObjectiveId, a.ParentObjectiveId, true, a.Weight))
            .ToListAsync(cancellationToken);
        var computed = Compute(objectives, [], keyResults, alignments);
        var progress = 0;
        foreach (var objective in objectives)
        {
            var value = computed[objective.Id];
            if (value.Equals(objective.Progress)) continue;
            await Rows(db.Objectives, allOrganizations).Where(o => o.Id == objective.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Progress, value), cancellationToken);
            progress++;
        }
        // Then each unit's progress per period, from the objectives' progress just rebuilt (ADR 0024).
        var (unitRows, unitRowsCorrected) = await UnitProgressStore.RebuildAsync(db, allOrganizations, cancellationToken);
        return new RebuildResult(keyResultIds.Count, values, objectives.Count, progress, unitRows, unitRowsCorrected);
    }

    /// <summary>
    /// What the read model computes for "now", from maintained inputs: cancelled objectives neither count nor are
    /// counted (their progress is 0); a closed, graded child counts with its final grade.
    /// </summary>
    private static Dictionary<Guid, double> Compute(IReadOnlyList<ObjectiveRow> objectives, IReadOnlyList<ObjectiveRow> outsideChildren,
        IReadOnlyList<KeyResult> keyResults, IReadOnlyList<RollupAlignment> alignments)
    {
        var state = objectives.Concat(outsideChildren).ToDictionary(o => o.Id);
        bool Live(Guid id) => state.TryGetValue(id, out var o) && o.State != ObjectiveState.Cancelled;
        var computedIds = objectives.Select(o => o.Id).ToHashSet();

        // Children outside the computed set count with their stored progress (or final grade), as the rollup's settled values.
        var settled = new Dictionary<Guid, double>();
        foreach (var o in objectives.Concat(outsideChildren))
        {
            if (o.State == ObjectiveState.Closed && o.FinalGrade is { } grade) settled[o.Id] = grade;
            else if (!computedIds.Contains(o.Id)) settled[o.Id] = o.Progress;
        }
        var rollup = new ObjectiveRollup(
            keyResults.Where(k => Live(k.ObjectiveId)).Select(k => new RollupKeyResult(k.Id, k.ObjectiveId, k.Weight, k.Progress)),
            alignments.Where(a => Live(a.ChildObjectiveId) && Live(a.ParentObjectiveId)),
            settled);
        return objectives.ToDictionary(o => o.Id, o => rollup.ProgressOf(o.Id));
    }

    /// <summary>
    /// Sets each key result's maintained readings (current value and date, last check-in, latest confidence, count,
    /// forecast) to what its check-ins say now (<see cref="CheckInReadings"/>, as the read model replays them).
    /// </summary>
    private static async Task<int> RefreshCurrentValuesAsync(IOkrDbContext db, IReadOnlyList<Guid> keyResultIds, bool allOrganizations,
        CancellationToken cancellationToken)
    {
        string[] lifted = allOrganizations ? [QueryFilters.Tenant, QueryFilters.SoftDelete] : [QueryFilters.SoftDelete];
        var keyResults = await db.KeyResults.IgnoreQueryFilters(lifted).AsNoTracking()
            .Where(k => EF.Parameter(keyResultIds).Contains(k.Id))
            .Join(db.Objectives.IgnoreQueryFilters(lifted), k => k.ObjectiveId, o => o.Id, (k, o) => new { KeyResult = k, o.PeriodId })
            .ToListAsync(cancellationToken);
        var periodIds = keyResults.Select(k => k.PeriodId).Distinct().ToList();
        var periods = await db.Periods.IgnoreQueryFilters(lifted).AsNoTracking().IgnoreAutoIncludes()
            .Where(p => EF.Parameter(periodIds).Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var checkIns = (await db.CheckIns.IgnoreQueryFilters(lifted).AsNoTracking()
                .Where(c => EF.Parameter(keyResultIds).Contains(c.KeyResultId))
                .Select(c => new { c.KeyResultId, c.Value, c.Confidence, c.RecordedAt, c.EffectiveDate })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.KeyResultId, c => new CheckInReading(c.Value, c.Confidence, c.RecordedAt, c.EffectiveDate));
        var changed = 0;
        foreach (var row in keyResults)
        {
            var k = row.KeyResult;
            var period = periods[row.PeriodId];
            var readings = CheckInReadings.Of(checkIns[k.Id].ToList(), k.Measure, period.StartsAt, period.EndsAt);
            var value = readings.Latest?.Value;
            var date = readings.Latest?.EffectiveDate;
            var confidence = readings.Latest?.Confidence;
            var lastCheckInAt = readings.LastCheckInAt;
            var count = readings.Count;
            double? projected = readings.Forecast?.ProjectedValue, projectedProgress = readings.Forecast?.ProjectedProgress, slope = readings.Forecast?.SlopePerDay;
            bool? trendingToMiss = readings.Forecast?.TrendingToMiss;
            if (k.CurrentValue == value && k.CurrentValueDate == date && k.LastCheckInAt == lastCheckInAt && k.LatestConfidence == confidence
                && k.CheckInCount == count && k.ForecastValue == projected && k.ForecastProgress == projectedProgress
                && k.ForecastTrendingToMiss == trendingToMiss && k.ForecastSlopePerDay == slope)
                continue;
            await db.KeyResults.IgnoreQueryFilters(lifted).Where(x => x.Id == k.Id)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.CurrentValue, value)
                    .SetProperty(x => x.CurrentValueDate, date)
                    .SetProperty(x => x.LastCheckInAt, lastCheckInAt)
                    .SetProperty(x => x.LatestConfidence, confidence)
                    .SetProperty(x => x.CheckInCount, count)
                    .SetProperty(x => x.ForecastValue, projected)
                    .SetProperty(x => x.ForecastProgress, projectedProgress)
                    .SetProperty(x => x.ForecastTrendingToMiss, trendingToMiss)
                    .SetProperty(x => x.ForecastSlopePerDay, slope), cancellationToken);
            changed++;
        }
        return changed;
    }

    /// <summary>The caller's rows, or with <paramref name="allOrganizations"/> every organisation's (the tenant filter lifted).</summary>
    private static IQueryable<T> Rows<T>(IQueryable<T> query, bool allOrganizations) where T : class =>
        allOrganizations ? query.IgnoreQueryFilters([QueryFilters.Tenant]) : query;

    /// <summary>As <see cref="CurrentAlignments.LiveAlignments"/>, across organisations when asked.</summary>
    private static IQueryable<Alignment> LiveAlignments(IOkrDbContext db, bool allOrganizations)
    {
        var keyResults = Rows(db.KeyResults, allOrganizations);
        return Rows(db.Alignments, allOrganizations).Where(a => a.ParentKeyResultId == null || keyResults.Any(k => k.Id == a.ParentKeyResultId));
    }

    private sealed record ObjectiveRow(Guid Id, ObjectiveState State, double Progress, double? FinalGrade);
}

/// <summary>What a rebuild looked at and corrected.</summary>
public sealed record RebuildResult(int KeyResults, int CurrentValuesCorrected, int Objectives, int ProgressCorrected, int UnitRows, int UnitRowsCorrected);
