using Okr.Domain.Common;
using Okr.Domain.KeyResults;
using Okr.Domain.Periods;

namespace Okr.Domain.Objectives;

public enum ObjectiveType
{
    Committed = 0,
    Aspirational = 1,
}

public enum ObjectiveState
{
    Draft = 0,
    Active = 1,
    Closed = 2,
    Cancelled = 3,
}

public enum Visibility
{
    Public = 0,
    /// <summary>Visible to the owning unit's members and to the leads of the units above it.</summary>
    Restricted = 1,
}

public enum RaciRole
{
    Responsible = 0,
    Accountable = 1,
    Consulted = 2,
    Informed = 3,
}

/// <summary>The editable description of an objective: everything but its lifecycle.</summary>
public sealed record ObjectiveDetails(
    string Title,
    Guid OwningUnitId,
    ObjectiveType Type,
    string? Description = null,
    Guid? OwnerId = null,
    Visibility Visibility = Visibility.Public,
    Guid? FocusAreaId = null,
    string? SuccessCriteria = null,
    string? TargetAudience = null,
    string? Risks = null,
    string? Dependencies = null);

/// <summary>What the team writes when the objective closes.</summary>
public sealed record Retrospective(string? WentWell, string? Learned, string? Improve, DateTimeOffset WrittenAt, Guid WrittenById);

/// <summary>What a unit wants to achieve: qualitative, the "why". Its key results say how success is measured.</summary>
public sealed class Objective : TenantAggregate
{
    private readonly List<KeyResult> _keyResults = [];
    private readonly List<RaciAssignment> _raci = [];

    private Objective() { Title = string.Empty; }

    public Objective(Guid organizationId, Period period, ObjectiveDetails details, DateTimeOffset now) : base(organizationId)
    {
        period.EnsureNotClosed();
        PeriodId = period.Id;
        State = ObjectiveState.Draft;
        CreatedAt = now;
        Title = string.Empty;
        Apply(details);
        Raise(new ObjectiveCreated(OrganizationId, Id));
    }

    public string Title { get; private set; }
    public string? Description { get; private set; }
    public Guid OwningUnitId { get; private set; }
    public Guid? OwnerId { get; private set; }
    public Guid PeriodId { get; private set; }
    public ObjectiveType Type { get; private set; }
    public ObjectiveState State { get; private set; }
    public Visibility Visibility { get; private set; }
    public Guid? FocusAreaId { get; private set; }
    public string? SuccessCriteria { get; private set; }
    public string? TargetAudience { get; private set; }
    public string? Risks { get; private set; }
    public string? Dependencies { get; private set; }
    public Guid? RolledOverFromId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>The computed grade at close, 0.0 to 1.0.</summary>
    public double? Grade { get; private set; }
    public double? GradeOverride { get; private set; }
    public string? GradeOverrideReason { get; private set; }
    public Retrospective? Retrospective { get; private set; }

    /// <summary>
    /// The rolled-up progress now (key results and contributing children, 0 when cancelled): a maintained value, kept
    /// exact by the persistence layer in the same transaction as every write that changes it (ADR 0013), so reads
    /// need not recompute whole trees. Never set by the domain.
    /// </summary>
    public double Progress { get; private set; }

    public IReadOnlyList<KeyResult> KeyResults => _keyResults;
    public IReadOnlyList<RaciAssignment> Raci => _raci;

    /// <summary>The grade that counts: the override when a person set one, else the computed grade.</summary>
    public double? FinalGrade => GradeOverride ?? Grade;

    public bool IsOpen => State is ObjectiveState.Draft or ObjectiveState.Active;

    public IEnumerable<KeyResult> LiveKeyResults => _keyResults.Where(k => !k.IsDeleted);

    public void Edit(ObjectiveDetails details, Period period)
    {
        EnsureEditable(period);
        Apply(details);
    }

    private void Apply(ObjectiveDetails d)
    {
        Guard.NotEmpty(d.OwningUnitId, "Owning unit");
        Title = Guard.Text(d.Title, "Title", TextLimits.Title);
        Description = Guard.OptionalText(d.Description, "Description", TextLimits.LongText);
        OwningUnitId = d.OwningUnitId;
        OwnerId = d.OwnerId;
        Type = d.Type;
        Visibility = d.Visibility;
        FocusAreaId = d.FocusAreaId;
        SuccessCriteria = Guard.OptionalText(d.SuccessCriteria, "Success criteria", TextLimits.LongText);
        TargetAudience = Guard.OptionalText(d.TargetAudience, "Target audience", TextLimits.LongText);
        Risks = Guard.OptionalText(d.Risks, "Risks", TextLimits.LongText);
        Dependencies = Guard.OptionalText(d.Dependencies, "Dependencies", TextLimits.LongText);
    }

    public void SetRaci(IEnumerable<(Guid PersonId, RaciRole Role)> assignments, Period period)
    {
        EnsureEditable(period);
        var distinct = assignments.Distinct().ToList();
        if (distinct.Count(a => a.Role == RaciRole.Accountable) > 1)
            throw new DomainRuleException("objective.raci_accountable", "RACI has exactly one accountable person at most.");
        _raci.Clear();
        _raci.AddRange(distinct.Select(a => new RaciAssignment(OrganizationId, Id, a.PersonId, a.Role)));
    }

    /// <summary>Draft → active. Needs at least one measurable key result.</summary>
    public void Activate(Period period, DateTimeOffset now)
    {
        period.EnsureNotClosed();
        if (State != ObjectiveState.Draft)
            throw new DomainRuleException("objective.invalid_transition", $"Only a draft can be activated; this objective is {State}.");
        if (!LiveKeyResults.Any(k => k.Measure.IsMeasurable))
            throw new DomainRuleException("objective.needs_measurable_key_result",
                "An objective needs at least one measurable key result (with a target that differs from its baseline) before it can be activated.");
        State = ObjectiveState.Active;
        ActivatedAt = now;
        Raise(new ObjectiveActivated(OrganizationId, Id));
    }

    public void Cancel(DateTimeOffset now)
    {
        if (!IsOpen)
            throw new DomainRuleException("objective.invalid_transition", $"A {State} objective cannot be cancelled.");
        State = ObjectiveState.Cancelled;
        ClosedAt = now;
    }

    public void EnsureDeletable()
    {
        if (State != ObjectiveState.Draft)
            throw new DomainRuleException("objective.not_draft", "Only a draft can be deleted; cancel an active objective instead, so its history is kept.");
    }

    /// <summary>Closes the objective with its computed grade (the key results are graded by the caller first).</summary>
    public void Close(double grade, DateTimeOffset now)
    {
        if (!IsOpen)
            throw new DomainRuleException("objective.invalid_transition", $"A {State} objective cannot be closed.");
        Grade = Computations.Grading.Round(grade);
        State = ObjectiveState.Closed;
        ClosedAt = now;
        Raise(new ObjectiveClosed(OrganizationId, Id));
        Raise(new ObjectiveGraded(OrganizationId, Id, FinalGrade));
    }

    /// <summary>A late check-in within the grace window changes the measured grade; overrides stay.</summary>
    public void Regrade(double grade)
    {
        if (State != ObjectiveState.Closed)
            throw new DomainRuleException("objective.not_closed", "Only a closed objective has a grade.");
        var before = FinalGrade;
        Grade = Computations.Grading.Round(grade);
        if (FinalGrade != before)
            Raise(new ObjectiveGraded(OrganizationId, Id, FinalGrade));
    }

    public void OverrideGrade(double? grade, string? reason)
    {
        if (State != ObjectiveState.Closed)
            throw new DomainRuleException("objective.not_closed", "A grade can only be overridden once the objective is closed.");
        var before = FinalGrade;
        (GradeOverride, GradeOverrideReason) = Computations.Grading.Override(grade, reason);
        Raise(new Notifications.GradeOverridden(Id, null, GradeOverride));
        if (FinalGrade != before)
            Raise(new ObjectiveGraded(OrganizationId, Id, FinalGrade));
    }

    public void WriteRetrospective(string? wentWell, string? learned, string? improve, Guid authorId, DateTimeOffset now)
    {
        if (State is not (ObjectiveState.Closed or ObjectiveState.Active))
            throw new DomainRuleException("objective.invalid_transition", "A retrospective is written for an active or closed objective.");
        Retrospective = new Retrospective(
            Guard.OptionalText(wentWell, "What went well", TextLimits.LongText),
            Guard.OptionalText(learned, "What was learned", TextLimits.LongText),
            Guard.OptionalText(improve, "What to improve", TextLimits.LongText),
            now, authorId);
    }

    public KeyResult AddKeyResult(KeyResultDetails details, Period period)
    {
        EnsureEditable(period);
        var keyResult = new KeyResult(this, details, _keyResults.Count == 0 ? 0 : _keyResults.Max(k => k.SortOrder) + 1);
        _keyResults.Add(keyResult);
        return keyResult;
    }

    /// <summary>Sets the order of the live key results; every one must be named once.</summary>
    public void ReorderKeyResults(IReadOnlyList<Guid> orderedIds, Period period)
    {
        EnsureEditable(period);
        var live = LiveKeyResults.ToDictionary(k => k.Id);
        if (orderedIds.Count != live.Count || orderedIds.Distinct().Count() != live.Count || !orderedIds.All(live.ContainsKey))
            throw new DomainRuleException("key_result.reorder_mismatch", "The new order must list each of the objective's key results exactly once.");
        for (var i = 0; i < orderedIds.Count; i++)
            live[orderedIds[i]].SortOrder = i;
    }

    /// <summary>
    /// Starts a draft copy in <paramref name="next"/>, carrying the unfinished key results with their last
    /// value as the new baseline. <paramref name="progressOf"/> gives each key result's progress.
    /// </summary>
    public Objective RollOver(Period current, Period next, Func<KeyResult, double> progressOf, DateTimeOffset now)
    {
        if (next.Id == current.Id)
            throw new DomainRuleException("objective.rollover_same_period", "An objective rolls over into a different period.");
        if (State == ObjectiveState.Cancelled)
            throw new DomainRuleException("objective.invalid_transition", "A cancelled objective does not roll over.");
        if (next.Start <= current.Start)
            throw new DomainRuleException("objective.rollover_backwards", "An objective rolls over into a later period.");
        var copy = new Objective(OrganizationId, next, new ObjectiveDetails(Title, OwningUnitId, Type, Description, OwnerId, Visibility,
            FocusAreaId, SuccessCriteria, TargetAudience, Risks, Dependencies), now)
        {
            RolledOverFromId = Id,
        };
        copy.SetRaci(_raci.Select(r => (r.PersonId, r.Role)), next);
        foreach (var kr in LiveKeyResults.OrderBy(k => k.SortOrder).Where(k => progressOf(k) < 1))
            copy.AddKeyResult(kr.CarriedOver(current), next);
        return copy;
    }

    private void EnsureEditable(Period period)
    {
        period.EnsureNotClosed();
        if (!IsOpen)
            throw new DomainRuleException("objective.read_only", $"A {State.ToString().ToLowerInvariant()} objective cannot be changed.");
    }
}

public sealed class RaciAssignment : TenantEntity
{
    private RaciAssignment() { }

    internal RaciAssignment(Guid organizationId, Guid objectiveId, Guid personId, RaciRole role) : base(organizationId)
    {
        Guard.NotEmpty(personId, "Person");
        ObjectiveId = objectiveId;
        PersonId = personId;
        Role = role;
    }

    public Guid ObjectiveId { get; private set; }
    public Guid PersonId { get; private set; }
    public RaciRole Role { get; private set; }
}
