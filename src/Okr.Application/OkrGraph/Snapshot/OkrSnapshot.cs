using Okr.Application.Common.Security;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Computations;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Organizations;

namespace Okr.Application.OkrGraph.Snapshot;

/// <summary>A check-in as the computations need it (no narrative).</summary>
public readonly record struct CheckInPoint(Guid KeyResultId, decimal Value, int Confidence, DateTimeOffset RecordedAt, DateOnly EffectiveDate);

/// <summary>An alignment row.</summary>
public readonly record struct AlignmentRow(Guid Id, Guid ChildObjectiveId, Guid ParentObjectiveId, Guid? ParentKeyResultId, AlignmentKind Kind,
    decimal Weight, DateTimeOffset CreatedAt);

/// <summary>What a snapshot is computed from: rows loaded by <see cref="OkrReadModel"/> in a fixed number of statements.</summary>
/// <param name="Objectives">The period's objectives.</param>
/// <param name="Others">Objectives of other periods: contributing descendants of the period's objectives (computed, as they
/// count in rollups) and the other ends of the period's alignments (only their visibility is needed).</param>
/// <param name="KeyResults">The live key results of the period's objectives and of the contributing descendants.</param>
public sealed record SnapshotRows(
    IReadOnlyList<Objective> Objectives,
    IReadOnlyList<Objective> Others,
    IReadOnlyList<AlignmentRow> Alignments,
    IReadOnlyList<KeyResult> KeyResults,
    IReadOnlyList<CheckInPoint> CheckIns);

/// <summary>
/// One period's OKRs as they stood at an instant (now, or an <c>asOf</c> date), with everything computed by the
/// domain functions: key result progress, status and forecast, objective rollups with contributing children,
/// expected progress, grades, unit progress. Check-ins are immutable, so replaying those recorded (and effective)
/// by the instant gives the exact values of that day; objective states come from their activation and closing times.
/// Restricted objectives the caller cannot see are computed and counted like the others, but never listed.
/// </summary>
public sealed class OkrSnapshot
{
    private readonly Dictionary<Guid, ObjectiveView> _objectives = [];
    private readonly Dictionary<Guid, KeyResultView> _keyResults = [];
    private readonly HashSet<Guid> _visible = [];
    private readonly Dictionary<Guid, Objective> _known = [];
    private readonly List<AlignmentView> _alignments = [];

    public OkrSnapshot(PeriodView period, PeriodDirectory periods, UnitDirectory units, OrganizationSettings settings, AccessPolicy access,
        DateTimeOffset now, DateTimeOffset? asOf, SnapshotRows rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(periods);
        Period = period;
        Units = units;
        Settings = settings;
        Now = now;
        AsOf = asOf;
        ExpectedProgress = Domain.Computations.ExpectedProgress.Compute(now, period.StartsAt, period.EndsAt);

        // What existed at the instant, in the state it was in then.
        var states = new Dictionary<Guid, ObjectiveState>();
        foreach (var objective in rows.Objectives.Concat(rows.Others).Where(o => o.CreatedAt <= now))
        {
            if (!_known.TryAdd(objective.Id, objective)) continue;
            states[objective.Id] = StateAt(objective, now);
            if (access.CanSee(new ObjectiveAccess(objective.OwningUnitId, objective.OwnerId, states[objective.Id], objective.Visibility)))
                _visible.Add(objective.Id);
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var checkInsByKeyResult = rows.CheckIns
            .Where(c => c.RecordedAt <= now && c.EffectiveDate <= today)
            .ToLookup(c => c.KeyResultId);

        // Key results: value, progress, status, forecast.
        var keyResultsByObjective = new Dictionary<Guid, List<KeyResultView>>();
        foreach (var keyResult in rows.KeyResults.OrderBy(k => k.SortOrder).ThenBy(k => k.Id))
        {
            // A request that timed out or went away stops computing (the GraphQL timeout cancels the token).
            cancellationToken.ThrowIfCancellationRequested();
            if (!_known.TryGetValue(keyResult.ObjectiveId, out var objective)) continue;
            var objectivePeriod = periods.Find(objective.PeriodId) ?? period;
            // Now, the maintained readings; at an earlier instant, those of the check-ins known then.
            var readings = asOf is null
                ? StoredReadings(keyResult)
                : CheckInReadings.Of(checkInsByKeyResult[keyResult.Id].Select(c => new CheckInReading(c.Value, c.Confidence, c.RecordedAt, c.EffectiveDate)).ToList(),
                    keyResult.Measure, objectivePeriod.StartsAt, objectivePeriod.EndsAt);
            var view = ComputeKeyResult(keyResult, objective, states[objective.Id], objectivePeriod, readings, asOf, now);
            _keyResults[view.Id] = view;
            if (!keyResultsByObjective.TryGetValue(objective.Id, out var list))
                keyResultsByObjective[objective.Id] = list = [];
            list.Add(view);
        }

        // Rollups: cancelled objectives neither count nor are counted (as when grading).
        var live = states.Where(s => s.Value != ObjectiveState.Cancelled).Select(s => s.Key).ToHashSet();
        var existingAlignments = rows.Alignments
            .Where(a => a.CreatedAt <= now && _known.ContainsKey(a.ChildObjectiveId) && _known.ContainsKey(a.ParentObjectiveId))
            .ToList();
        // A child closed (and graded) by then counts in its parents with its final grade, as when grading.
        var settled = _known.Values
            .Where(o => states[o.Id] == ObjectiveState.Closed && o.FinalGrade is not null)
            .ToDictionary(o => o.Id, o => o.FinalGrade!.Value);
        var rollup = new ObjectiveRollup(
            _keyResults.Values.Where(k => live.Contains(k.ObjectiveId)).Select(k => new RollupKeyResult(k.Id, k.ObjectiveId, k.Weight, k.Progress)),
            existingAlignments.Where(a => live.Contains(a.ChildObjectiveId) && live.Contains(a.ParentObjectiveId))
                .Select(a => new RollupAlignment(a.ChildObjectiveId, a.ParentObjectiveId, a.Kind == AlignmentKind.Contributes, a.Weight)),
            settled);

        var alignmentViews = existingAlignments
            .Select(a => new AlignmentView(a.Id, a.ChildObjectiveId, a.ParentObjectiveId, a.ParentKeyResultId, a.Kind, a.Weight, a.CreatedAt, asOf))
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .ToList();
        var parentsOf = alignmentViews.ToLookup(a => a.ChildObjectiveId);
        var childrenOf = alignmentViews.ToLookup(a => a.ParentObjectiveId);

        foreach (var objective in rows.Objectives.Where(o => _known.ContainsKey(o.Id) && o.PeriodId == period.Id))
        {
            var state = states[objective.Id];
            var keyResults = keyResultsByObjective.GetValueOrDefault(objective.Id) ?? [];
            var closed = state == ObjectiveState.Closed;
            var children = childrenOf[objective.Id].ToList();
            _objectives[objective.Id] = new ObjectiveView(
                objective.Id, objective.Version, objective.PeriodId, objective.OwningUnitId, objective.OwnerId, objective.Title, objective.Description,
                objective.Type, state, objective.Visibility, objective.FocusAreaId, objective.SuccessCriteria, objective.TargetAudience, objective.Risks,
                objective.Dependencies, objective.RolledOverFromId, objective.CreatedAt,
                objective.ActivatedAt is { } activated && activated <= now ? activated : null,
                objective.ClosedAt is { } closedAt && closedAt <= now ? closedAt : null,
                // Now, the maintained value (exact: kept in the transaction of every write); at an earlier instant,
                // replayed from the history of the objective and its contributing descendants.
                Progress: asOf is null ? objective.Progress : rollup.ProgressOf(objective.Id),
                ExpectedProgress: ExpectedProgress,
                Status: state switch
                {
                    ObjectiveState.Cancelled => null,
                    ObjectiveState.Draft => OkrStatus.NotStarted,
                    // Closed and graded: the final grade decides, so an override moves the badge with the grade.
                    ObjectiveState.Closed when objective.FinalGrade is { } finalGrade =>
                        KeyResultStatusRules.Closed(finalGrade, Grading.SuccessThreshold(objective.Type, isFinancial: false, Settings)),
                    _ => KeyResultStatusRules.Worst(keyResults.Select(k => k.Status ?? OkrStatus.NotStarted)),
                },
                Grade: closed ? objective.FinalGrade : null,
                ComputedGrade: closed ? objective.Grade : null,
                GradeOverride: closed ? objective.GradeOverride : null,
                GradeOverrideReason: closed ? objective.GradeOverrideReason : null,
                Retrospective: objective.Retrospective is { } r && r.WrittenAt <= now
                    ? new RetrospectiveView(r.WentWell, r.Learned, r.Improve, r.WrittenAt, r.WrittenById)
                    : null,
                KeyResults: keyResults,
                Parents: parentsOf[objective.Id].Where(a => _visible.Contains(a.ParentObjectiveId)).ToList(),
                Children: children.Where(a => _visible.Contains(a.ChildObjectiveId)).ToList(),
                HiddenChildCount: children.Count(a => !_visible.Contains(a.ChildObjectiveId)),
                AsOf: asOf);
        }

        _alignments.AddRange(alignmentViews);
        Objectives = _objectives.Values.OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).ToList();
    }

    public PeriodView Period { get; }
    public UnitDirectory Units { get; }
    public OrganizationSettings Settings { get; }

    /// <summary>The instant the values are computed at: <see cref="AsOf"/>, or now.</summary>
    public DateTimeOffset Now { get; }
    public DateTimeOffset? AsOf { get; }

    /// <summary>The share of the period elapsed at <see cref="Now"/>.</summary>
    public double ExpectedProgress { get; }

    /// <summary>Every objective of the period that existed at <see cref="Now"/>, visible or not (for counting only).</summary>
    public IReadOnlyList<ObjectiveView> Objectives { get; }

    /// <summary>The objectives of the period the caller may see.</summary>
    public IEnumerable<ObjectiveView> VisibleObjectives => Objectives.Where(o => _visible.Contains(o.Id));

    /// <summary>Alignments that existed at <see cref="Now"/> with at least one end in the period, whatever their visibility.</summary>
    public IReadOnlyList<AlignmentView> Alignments => _alignments;

    public bool CanSee(Guid objectiveId) => _visible.Contains(objectiveId);

    /// <summary>Every objective row the snapshot read (its scope and the other ends of its alignments) with its period.</summary>
    public IEnumerable<(Guid Id, Guid PeriodId)> ReadObjectives => _known.Values.Select(o => (o.Id, o.PeriodId));

    /// <summary>Whether the snapshot computed this objective of its period (it is in the snapshot's scope).</summary>
    public bool Contains(Guid objectiveId) => _objectives.ContainsKey(objectiveId);

    /// <summary>An objective of the period the caller may see.</summary>
    public ObjectiveView? FindVisible(Guid objectiveId) =>
        _visible.Contains(objectiveId) ? _objectives.GetValueOrDefault(objectiveId) : null;

    /// <summary>A key result of a visible objective of the period.</summary>
    public KeyResultView? FindVisibleKeyResult(Guid keyResultId) =>
        _keyResults.TryGetValue(keyResultId, out var keyResult) && keyResult.PeriodId == Period.Id && _visible.Contains(keyResult.ObjectiveId)
            ? keyResult
            : null;

    /// <summary>Active and closed objectives count in unit progress and dashboards; drafts and cancelled ones do not.</summary>
    public static bool IsCounted(ObjectiveView objective) =>
        objective.State is ObjectiveState.Active or ObjectiveState.Closed;

    /// <summary>The counted objectives (visible or not) owned by these units.</summary>
    public IReadOnlyList<ObjectiveView> CountedObjectivesOf(IEnumerable<Guid> unitIds)
    {
        var units = unitIds.ToHashSet();
        return Objectives.Where(o => IsCounted(o) && units.Contains(o.OwningUnitId)).ToList();
    }

    /// <summary>Unit progress: the mean progress of the units' counted objectives, restricted ones included.</summary>
    public double UnitProgress(IEnumerable<Guid> unitIds) =>
        Domain.Computations.UnitProgress.Compute(CountedObjectivesOf(unitIds).Select(o => o.Progress));

    private UnitProgressTable? _unitProgress;

    /// <summary>A unit's progress alone and with every unit below it, for every unit at once (see <see cref="UnitProgressTable"/>).</summary>
    public (double Own, double WithDescendants) UnitProgressOf(Guid unitId) =>
        (_unitProgress ??= new UnitProgressTable(Objectives.Where(IsCounted).Select(o => (o.OwningUnitId, o.Progress)), Units.Tree)).Of(unitId);

    /// <summary>The state an objective was in at <paramref name="now"/>, from its activation and closing times.</summary>
    public static ObjectiveState StateAt(Objective objective, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (objective.ClosedAt is { } closed)
            return closed <= now ? objective.State : objective.ActivatedAt is { } a && a <= now ? ObjectiveState.Active : ObjectiveState.Draft;
        return objective.ActivatedAt is { } activated && activated > now ? ObjectiveState.Draft : objective.State;
    }

    /// <summary>The readings the persistence layer maintains on the key result (ADR 0013).</summary>
    private static CheckInReadings StoredReadings(KeyResult keyResult) => new(
        keyResult.CurrentValue is { } value && keyResult.CurrentValueDate is { } date
            ? new CheckInReading(value, keyResult.LatestConfidence ?? 0, keyResult.LastCheckInAt ?? default, date)
            : null,
        keyResult.LastCheckInAt,
        keyResult.CheckInCount,
        keyResult.ForecastValue is { } projected
            ? new ForecastResult(projected, keyResult.ForecastProgress ?? 0, keyResult.ForecastTrendingToMiss ?? false, keyResult.ForecastSlopePerDay ?? 0)
            : null);

    private KeyResultView ComputeKeyResult(KeyResult keyResult, Objective objective, ObjectiveState state, PeriodView period,
        CheckInReadings readings, DateTimeOffset? asOf, DateTimeOffset now)
    {
        var latest = readings.Latest;
        var measure = keyResult.Measure;
        var progress = KeyResultProgress.Compute(measure, latest?.Value);
        var lastCheckInAt = readings.LastCheckInAt;
        var closed = state == ObjectiveState.Closed;
        var finalGrade = keyResult.FinalGrade ?? Grading.Round(progress);

        OkrStatus? status = state switch
        {
            ObjectiveState.Cancelled => null,
            ObjectiveState.Draft => OkrStatus.NotStarted,
            _ => KeyResultStatusRules.Compute(new KeyResultStatusInput(
                progress, now, period.StartsAt, period.EndsAt, lastCheckInAt, latest?.Confidence,
                TrackingSince: objective.ActivatedAt,
                ClosedGrade: closed ? finalGrade : null,
                SuccessThreshold: Grading.SuccessThreshold(objective.Type, keyResult.IsFinancial, Settings)), Settings),
        };

        return new KeyResultView(
            keyResult.Id, keyResult.Version, keyResult.ObjectiveId, objective.PeriodId, keyResult.OwningUnitId, keyResult.OwnerId, keyResult.Title,
            keyResult.Description, keyResult.MetricKind, keyResult.Direction, keyResult.CurrencyCode, keyResult.UnitLabel, keyResult.Baseline,
            keyResult.BaselineMeasuredAt, keyResult.BaselineMethod, keyResult.Target, latest?.Value, latest?.EffectiveDate, keyResult.Weight,
            keyResult.IsFinancial, keyResult.SortOrder, progress,
            Domain.Computations.ExpectedProgress.Compute(now, period.StartsAt, period.EndsAt),
            status, latest?.Confidence, lastCheckInAt,
            CheckInDue: state == ObjectiveState.Active && !CheckInCompliance.IsCheckedIn(lastCheckInAt, now, Settings.CheckInCadenceDays),
            readings.Count, readings.Forecast,
            Grade: closed ? finalGrade : null,
            ComputedGrade: closed ? keyResult.Grade : null,
            GradeOverride: closed ? keyResult.GradeOverride : null,
            GradeOverrideReason: closed ? keyResult.GradeOverrideReason : null,
            AsOf: asOf);
    }
}
