using Okr.Domain.Common;
using Okr.Domain.Computations;
using Okr.Domain.Objectives;
using Okr.Domain.Organizations;
using Okr.Domain.Periods;

namespace Okr.Domain.KeyResults;

/// <summary>The editable description of a key result.</summary>
public sealed record KeyResultDetails(
    string Title,
    Guid OwningUnitId,
    Measure Measure,
    Guid? OwnerId = null,
    string? Description = null,
    string? UnitLabel = null,
    DateOnly? BaselineMeasuredAt = null,
    string? BaselineMethod = null,
    decimal Weight = 1,
    bool IsFinancial = false);

/// <summary>How success of an objective is measured: an outcome, not an activity.</summary>
public sealed class KeyResult : TenantAggregate
{
    public const decimal MaxWeight = 1000;

    private KeyResult() { Title = string.Empty; }

    internal KeyResult(Objective objective, KeyResultDetails details, int sortOrder) : base(objective.OrganizationId)
    {
        ObjectiveId = objective.Id;
        SortOrder = sortOrder;
        Title = string.Empty;
        Apply(details);
    }

    public Guid ObjectiveId { get; private set; }
    /// <summary>May differ from the objective's unit: company objectives can carry team-owned key results.</summary>
    public Guid OwningUnitId { get; private set; }
    public Guid? OwnerId { get; private set; }
    public string Title { get; private set; }
    public string? Description { get; private set; }
    public MetricKind MetricKind { get; private set; }
    public Direction Direction { get; private set; }
    public string? CurrencyCode { get; private set; }
    public string? UnitLabel { get; private set; }
    public decimal? Baseline { get; private set; }
    public DateOnly? BaselineMeasuredAt { get; private set; }
    public string? BaselineMethod { get; private set; }
    public decimal? Target { get; private set; }
    /// <summary>The value of the latest check-in by effective date; null before the first check-in.</summary>
    public decimal? CurrentValue { get; private set; }
    public DateOnly? CurrentValueDate { get; private set; }
    public decimal Weight { get; private set; }
    public bool IsFinancial { get; private set; }
    public int SortOrder { get; internal set; }
    public double? Grade { get; private set; }
    public double? GradeOverride { get; private set; }
    public string? GradeOverrideReason { get; private set; }
    public bool IsDeleted { get; private set; }

    // Maintained readings of the check-ins (ADR 0013): kept exact by the persistence layer in the transaction of every
    // check-in and edit, so reads need not load a key result's check-ins. Never set by the domain.
    /// <summary>When the latest check-in was recorded.</summary>
    public DateTimeOffset? LastCheckInAt { get; private set; }
    /// <summary>The confidence of the latest check-in (by effective date).</summary>
    public int? LatestConfidence { get; private set; }
    public int CheckInCount { get; private set; }
    /// <summary>The trend line's forecast for the period's end (see <see cref="Computations.Forecast"/>); null without one.</summary>
    public double? ForecastValue { get; private set; }
    public double? ForecastProgress { get; private set; }
    public bool? ForecastTrendingToMiss { get; private set; }
    public double? ForecastSlopePerDay { get; private set; }

    public Measure Measure => new(MetricKind, Direction, Baseline, Target, CurrencyCode);

    public double? FinalGrade => GradeOverride ?? Grade;

    public double Progress => KeyResultProgress.Compute(Measure, CurrentValue);

    public void Edit(KeyResultDetails details, Objective objective, Period period)
    {
        EnsureEditable(objective, period);
        Apply(details);
    }

    private void Apply(KeyResultDetails d)
    {
        Guard.NotEmpty(d.OwningUnitId, "Owning unit");
        if (d.Weight < 0 || d.Weight > MaxWeight)
            throw new DomainRuleException("key_result.weight_out_of_range", $"Weight must be between 0 and {MaxWeight}.");
        Title = Guard.Text(d.Title, "Title", TextLimits.Title);
        Description = Guard.OptionalText(d.Description, "Description", TextLimits.LongText);
        OwningUnitId = d.OwningUnitId;
        OwnerId = d.OwnerId;
        MetricKind = d.Measure.Kind;
        Direction = d.Measure.Direction;
        CurrencyCode = d.Measure.CurrencyCode;
        Baseline = d.Measure.Baseline;
        Target = d.Measure.Target;
        UnitLabel = Guard.OptionalText(d.UnitLabel, "Unit label", TextLimits.Code);
        BaselineMeasuredAt = d.BaselineMeasuredAt;
        BaselineMethod = Guard.OptionalText(d.BaselineMethod, "Baseline method", TextLimits.LongText);
        Weight = d.Weight;
        IsFinancial = d.IsFinancial;
    }

    public void ChangeWeight(decimal weight, Objective objective, Period period)
    {
        EnsureEditable(objective, period);
        if (weight < 0 || weight > MaxWeight)
            throw new DomainRuleException("key_result.weight_out_of_range", $"Weight must be between 0 and {MaxWeight}.");
        Weight = weight;
    }

    /// <summary>Soft delete: check-ins and grades keep pointing here.</summary>
    public void Delete(Objective objective, Period period)
    {
        EnsureEditable(objective, period);
        IsDeleted = true;
    }

    /// <summary>
    /// Records a check-in. The objective must be active (or closed, for a late check-in inside the grace
    /// window). A narrative is required when the value moves against the direction or the key result would
    /// be off track: the "why" is what makes a check-in useful to others.
    /// </summary>
    public CheckIn RecordCheckIn(CheckInEntry entry, Objective objective, Period period, OrganizationSettings settings, Guid authorId, DateTimeOffset now)
    {
        if (IsDeleted)
            throw new DomainRuleException("key_result.deleted", "This key result was deleted.");
        if (objective.State is not (ObjectiveState.Active or ObjectiveState.Closed))
            throw new DomainRuleException("check_in.objective_not_active", $"Check-ins are recorded on active objectives; this one is {objective.State.ToString().ToLowerInvariant()}.");
        if (objective.State == ObjectiveState.Closed && !period.IsClosed)
            throw new DomainRuleException("check_in.objective_closed", "This objective is closed.");
        period.EnsureAcceptsCheckIn(entry.EffectiveDate, now, settings.StalenessGraceDays);
        if (MetricKind == MetricKind.Milestone && entry.Value is not (0 or 1))
            throw new DomainRuleException("check_in.milestone_value", "A milestone is checked in as 0 (not done) or 1 (done).");
        if (MetricKind == MetricKind.Percentage && entry.Value < 0)
            throw new DomainRuleException("key_result.percentage_negative", "A percentage cannot be negative.");

        if (string.IsNullOrWhiteSpace(entry.Narrative))
        {
            // With no earlier value and no baseline there is no direction to move against yet.
            if ((CurrentValue ?? Baseline) is { } previous && Measure.MovesAgainstDirection(previous, entry.Value))
                throw new DomainRuleException("check_in.narrative_required",
                    $"The value moves against the key result's direction ({previous} → {entry.Value}): add a narrative saying why.");
            var progress = KeyResultProgress.Compute(Measure, entry.Value);
            var expected = ExpectedProgress.Compute(now, period.StartsAt, period.EndsAt);
            if (objective.State == ObjectiveState.Active && KeyResultStatusRules.ByProgress(progress, expected, entry.Confidence, settings) == OkrStatus.OffTrack)
                throw new DomainRuleException("check_in.narrative_required",
                    "With this value the key result is off track: add a narrative saying why and what happens next.");
        }

        var checkIn = new CheckIn(OrganizationId, Id, entry, authorId, now);
        var statusBefore = StatusAt(objective, period, settings, now, Progress, LastCheckInAt, LatestConfidence);
        var latest = CurrentValueDate is null || entry.EffectiveDate >= CurrentValueDate;
        if (latest)
        {
            CurrentValue = entry.Value;
            CurrentValueDate = entry.EffectiveDate;
        }
        Raise(new CheckInRecorded(OrganizationId, checkIn.Id, Id, ObjectiveId));
        // The maintained readings (last check-in, latest confidence) are moved by the persistence layer after the save;
        // the status they will give is computed here from the same rules.
        var statusAfter = StatusAt(objective, period, settings, now, Progress, now, latest ? entry.Confidence : LatestConfidence);
        if (statusBefore is { } from && statusAfter is { } to && from != to)
        {
            Raise(new KeyResultStatusChanged(OrganizationId, Id, ObjectiveId, from, to));
            Raise(new Notifications.KeyResultStatusChanged(Id, ObjectiveId, from, to));
        }
        if (objective.State == ObjectiveState.Closed)
            Grade = Computations.Grading.Round(Progress);
        return checkIn;
    }

    /// <summary>An active objective's key result's status at an instant, with the given readings; null for any other objective.</summary>
    private static OkrStatus? StatusAt(Objective objective, Period period, OrganizationSettings settings, DateTimeOffset now, double progress,
        DateTimeOffset? lastCheckInAt, int? latestConfidence) =>
        objective.State == ObjectiveState.Active
            ? KeyResultStatusRules.Compute(new KeyResultStatusInput(progress, now, period.StartsAt, period.EndsAt, lastCheckInAt, latestConfidence,
                TrackingSince: objective.ActivatedAt), settings)
            : null;

    /// <summary>Grades from the measured progress when the period closes.</summary>
    public void GradeAtClose() => Grade = Computations.Grading.Round(Progress);

    public void OverrideGrade(double? grade, string? reason, Objective objective)
    {
        if (objective.State != ObjectiveState.Closed)
            throw new DomainRuleException("objective.not_closed", "A grade can only be overridden once the objective is closed.");
        (GradeOverride, GradeOverrideReason) = Computations.Grading.Override(grade, reason);
        Raise(new Notifications.GradeOverridden(ObjectiveId, Id, GradeOverride));
    }

    /// <summary>The details of a copy for the next period: the last value becomes the new baseline.</summary>
    internal KeyResultDetails CarriedOver(Period from)
    {
        var baseline = CurrentValue ?? Baseline;
        var measure = MetricKind == MetricKind.Milestone
            ? Measure.Milestone()
            : new Measure(MetricKind, Direction, baseline, Target, CurrencyCode);
        return new KeyResultDetails(Title, OwningUnitId, measure, OwnerId, Description, UnitLabel,
            CurrentValueDate ?? BaselineMeasuredAt ?? from.End,
            $"Carried over from {from.Name}: the last checked-in value." + (BaselineMethod is null ? string.Empty : " " + BaselineMethod),
            Weight, IsFinancial);
    }

    private void EnsureEditable(Objective objective, Period period)
    {
        period.EnsureNotClosed();
        if (IsDeleted)
            throw new DomainRuleException("key_result.deleted", "This key result was deleted.");
        if (!objective.IsOpen)
            throw new DomainRuleException("objective.read_only", $"A {objective.State.ToString().ToLowerInvariant()} objective's key results cannot be changed.");
    }
}
