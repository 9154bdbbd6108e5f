using Okr.Domain.Computations;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;

namespace Okr.Application.OkrGraph.Views;

/// <summary>
/// An objective as it stood at <see cref="AsOf"/> (null: now), with everything computed: progress rolled up from
/// its key results and contributing children, expected progress, status, grade. Only ever handed to callers who
/// may see it.
/// </summary>
/// <param name="State">The state at <see cref="AsOf"/>, derived from the activation and closing times.</param>
/// <param name="Status">Null for a cancelled objective; not started for a draft.</param>
/// <param name="Grade">The grade that counts (an override, else the computed one) once closed; null while open.</param>
/// <param name="Parents">Alignments up to objectives (or their key results) the caller can see.</param>
/// <param name="Children">Alignments from child objectives the caller can see.</param>
/// <param name="HiddenChildCount">Children aligned to this objective that the caller cannot see (still counted in progress).</param>
public sealed record ObjectiveView(
    Guid Id,
    long Version,
    Guid PeriodId,
    Guid OwningUnitId,
    Guid? OwnerId,
    string Title,
    string? Description,
    ObjectiveType Type,
    ObjectiveState State,
    Visibility Visibility,
    Guid? FocusAreaId,
    string? SuccessCriteria,
    string? TargetAudience,
    string? Risks,
    string? Dependencies,
    Guid? RolledOverFromId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? ClosedAt,
    double Progress,
    double ExpectedProgress,
    OkrStatus? Status,
    double? Grade,
    double? ComputedGrade,
    double? GradeOverride,
    string? GradeOverrideReason,
    RetrospectiveView? Retrospective,
    IReadOnlyList<KeyResultView> KeyResults,
    IReadOnlyList<AlignmentView> Parents,
    IReadOnlyList<AlignmentView> Children,
    int HiddenChildCount,
    DateTimeOffset? AsOf);

public sealed record RetrospectiveView(string? WentWell, string? Learned, string? Improve, DateTimeOffset WrittenAt, Guid WrittenById);

/// <summary>A key result as it stood at <see cref="AsOf"/> (null: now): the value of its latest check-in by then, and what follows from it.</summary>
/// <param name="CurrentValue">The value of the latest check-in (by effective date) recorded by then; null before the first.</param>
/// <param name="LastCheckInAt">When the last check-in was recorded (staleness and compliance count from it).</param>
/// <param name="CheckInDue">Active, and no check-in within the current cadence window: this week's check-in is due.</param>
/// <param name="Status">Null when the objective is cancelled; not started while it is a draft.</param>
/// <param name="Grade">The grade that counts once the objective is closed; null while open.</param>
public sealed record KeyResultView(
    Guid Id,
    long Version,
    Guid ObjectiveId,
    Guid PeriodId,
    Guid OwningUnitId,
    Guid? OwnerId,
    string Title,
    string? Description,
    MetricKind MetricKind,
    Direction Direction,
    string? CurrencyCode,
    string? UnitLabel,
    decimal? Baseline,
    DateOnly? BaselineMeasuredAt,
    string? BaselineMethod,
    decimal? Target,
    decimal? CurrentValue,
    DateOnly? CurrentValueDate,
    decimal Weight,
    bool IsFinancial,
    int SortOrder,
    double Progress,
    double ExpectedProgress,
    OkrStatus? Status,
    int? LatestConfidence,
    DateTimeOffset? LastCheckInAt,
    bool CheckInDue,
    int CheckInCount,
    ForecastResult? Forecast,
    double? Grade,
    double? ComputedGrade,
    double? GradeOverride,
    string? GradeOverrideReason,
    DateTimeOffset? AsOf)
{
    public Measure Measure => new(MetricKind, Direction, Baseline, Target, CurrencyCode);
}

/// <summary>A link from a child objective up to a parent objective, or to one of the parent's key results.</summary>
public sealed record AlignmentView(
    Guid Id,
    Guid ChildObjectiveId,
    Guid ParentObjectiveId,
    Guid? ParentKeyResultId,
    AlignmentKind Kind,
    decimal Weight,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AsOf)
{
    /// <summary>Contributes: the child counts as one weighted item of the parent's progress.</summary>
    public bool Counted => Kind == AlignmentKind.Contributes;
}
