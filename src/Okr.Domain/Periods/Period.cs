using Okr.Domain.Common;

namespace Okr.Domain.Periods;

public enum PeriodKind
{
    Year = 0,
    Quarter = 1,
    Custom = 2,
}

public enum PeriodState
{
    Planning = 0,
    Active = 1,
    Review = 2,
    Closed = 3,
}

/// <summary>A planning cycle with its roadmap of checkpoints. Dates are inclusive calendar days (UTC).</summary>
public sealed class Period : TenantAggregate
{
    private readonly List<Checkpoint> _checkpoints = [];

    private Period() { Name = string.Empty; }

    public Period(Guid organizationId, string name, PeriodKind kind, DateOnly start, DateOnly end, Period? parent = null)
        : base(organizationId)
    {
        Name = Guard.Text(name, "Name", TextLimits.Name);
        Kind = kind;
        if (kind == PeriodKind.Year && parent is not null)
            throw new DomainRuleException("period.year_has_no_parent", "A year cannot sit inside another period.");
        if (parent is not null && parent.Kind != PeriodKind.Year)
            throw new DomainRuleException("period.parent_not_year", "A quarter or custom period can only sit inside a year.");
        ParentId = parent?.Id;
        SetDates(start, end, parent);
        State = PeriodState.Planning;
    }

    public string Name { get; private set; }
    public PeriodKind Kind { get; private set; }
    public DateOnly Start { get; private set; }
    public DateOnly End { get; private set; }
    public Guid? ParentId { get; private set; }
    public PeriodState State { get; private set; }
    public IReadOnlyList<Checkpoint> Checkpoints => _checkpoints;

    public bool IsClosed => State == PeriodState.Closed;

    /// <summary>The instant the period starts: midnight UTC of its first day.</summary>
    public DateTimeOffset StartsAt => new(Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The instant the period ends: midnight UTC after its last day.</summary>
    public DateTimeOffset EndsAt => new(End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public void Rename(string name)
    {
        EnsureNotClosed();
        Name = Guard.Text(name, "Name", TextLimits.Name);
    }

    /// <param name="children">The periods inside this one (a year's quarters): they must still fit.</param>
    public void ChangeDates(DateOnly start, DateOnly end, Period? parent, IEnumerable<Period>? children = null)
    {
        EnsureNotClosed();
        var outside = children?.FirstOrDefault(c => c.Start < start || c.End > end);
        if (outside is not null)
            throw new DomainRuleException("period.children_outside",
                $"{outside.Name} ({outside.Start:yyyy-MM-dd} to {outside.End:yyyy-MM-dd}) would no longer lie inside {Name}.");
        SetDates(start, end, parent);
    }

    private void SetDates(DateOnly start, DateOnly end, Period? parent)
    {
        if (end < start)
            throw new DomainRuleException("period.end_before_start", "The period must end on or after its start.");
        if (end.DayNumber - start.DayNumber > 366 * 2)
            throw new DomainRuleException("period.too_long", "A period cannot be longer than two years.");
        if (parent is not null && (start < parent.Start || end > parent.End))
            throw new DomainRuleException("period.outside_parent", $"The period must lie inside {parent.Name} ({parent.Start:yyyy-MM-dd} to {parent.End:yyyy-MM-dd}).");
        Start = start;
        End = end;
    }

    /// <summary>planning → active → review → closed, one step at a time.</summary>
    public void MoveTo(PeriodState target)
    {
        var allowed = (State, target) switch
        {
            (PeriodState.Planning, PeriodState.Active) => true,
            (PeriodState.Active, PeriodState.Review) => true,
            (PeriodState.Review, PeriodState.Closed) => true,
            // A cycle reopened for review when something was missed before closing.
            (PeriodState.Review, PeriodState.Active) => true,
            _ => false,
        };
        if (!allowed)
            throw new DomainRuleException("period.invalid_transition", $"A period in {State} cannot move to {target}.");
        State = target;
    }

    /// <summary>Planning → active (a period in review goes back with <see cref="Reopen"/>, which says what it means).</summary>
    public void Activate() => Step(PeriodState.Planning, PeriodState.Active, "activated");

    /// <summary>Review → active, when something was missed before closing.</summary>
    public void Reopen() => Step(PeriodState.Review, PeriodState.Active, "reopened");

    private void Step(PeriodState from, PeriodState to, string verb)
    {
        if (State != from)
            throw new DomainRuleException("period.invalid_transition", $"Only a period in {from} can be {verb}; {Name} is in {State}.");
        MoveTo(to);
    }

    public void EnsureNotClosed()
    {
        if (IsClosed)
            throw new DomainRuleException("period.closed", $"{Name} is closed and read-only.");
    }

    /// <summary>
    /// Whether a check-in with this effective date may be recorded at <paramref name="now"/>.
    /// Open periods take check-ins dated inside the period and not in the future; a closed period takes
    /// late check-ins dated inside it, recorded within the grace window after its end.
    /// </summary>
    public void EnsureAcceptsCheckIn(DateOnly effectiveDate, DateTimeOffset now, int graceDays)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (effectiveDate > today)
            throw new DomainRuleException("check_in.future_date", "A check-in cannot be dated in the future.");
        if (!Contains(effectiveDate))
            throw new DomainRuleException("check_in.outside_period", $"The effective date must lie inside {Name} ({Start:yyyy-MM-dd} to {End:yyyy-MM-dd}).");
        if (IsClosed && now >= EndsAt.AddDays(graceDays))
            throw new DomainRuleException("period.closed", $"{Name} is closed and its {graceDays}-day grace window for late check-ins has passed.");
    }

    /// <summary>
    /// Whether a late check-in with this effective date, recorded at <paramref name="now"/>, still moves this closed
    /// period's grades: the date lies inside it and its grace window has not ended. Otherwise its grades are final.
    /// </summary>
    public bool TakesLateCheckIn(DateOnly effectiveDate, DateTimeOffset now, int graceDays) =>
        IsClosed && Contains(effectiveDate) && now < EndsAt.AddDays(graceDays);

    public Checkpoint AddCheckpoint(string name, DateOnly date)
    {
        EnsureNotClosed();
        var checkpoint = new Checkpoint(OrganizationId, Id, name, date);
        _checkpoints.Add(checkpoint);
        return checkpoint;
    }

    public void EditCheckpoint(Guid checkpointId, string name, DateOnly date)
    {
        EnsureNotClosed();
        var checkpoint = FindCheckpoint(checkpointId);
        checkpoint.Name = Guard.Text(name, "Name", TextLimits.Name);
        checkpoint.Date = date;
    }

    /// <summary>Allowed after close too: the retrospective checkpoint falls after the period's end.</summary>
    public void MarkCheckpoint(Guid checkpointId, bool done) => FindCheckpoint(checkpointId).Done = done;

    public void RemoveCheckpoint(Guid checkpointId)
    {
        EnsureNotClosed();
        _checkpoints.Remove(FindCheckpoint(checkpointId));
    }

    private Checkpoint FindCheckpoint(Guid id) =>
        _checkpoints.FirstOrDefault(c => c.Id == id)
        ?? throw new DomainRuleException("checkpoint.not_found", "No such checkpoint in this period.");

    /// <summary>
    /// The default roadmap of a quarter, from the practice: publish, draft, align, review, grade, retro. Given
    /// <paramref name="today"/>, a step whose day has already passed is left out: a period created late (a quarter with
    /// three weeks left) starts with the steps still ahead of it, none born overdue.
    /// </summary>
    public void AddDefaultRoadmap(DateOnly? today = null)
    {
        var length = End.DayNumber - Start.DayNumber;
        // A year or a quarter is planned in the two weeks before it starts. A custom period (a pilot, a sprint) is often
        // created the day it starts, and nothing before its start belongs to it: its planning steps fall inside it, at
        // the quarter's shares of its length (a week and two of ninety days), so none is born before the period.
        var custom = Kind == PeriodKind.Custom;
        (string Name, DateOnly Date)[] steps =
        [
            ("Company OKRs published", custom ? Start : Start.AddDays(-14)),
            ("Team drafts due", custom ? Start.AddDays(length * 7 / 90) : Start.AddDays(-7)),
            ("Alignment review", custom ? Start.AddDays(length * 14 / 90) : Start),
            ("Mid-quarter review", Start.AddDays(length / 2)),
            ("Grading due", End),
            ("Retrospective", End.AddDays(5)),
        ];
        foreach (var (name, date) in steps)
        {
            if (today is null || date >= today)
                AddCheckpoint(name, date);
        }
    }
}

public sealed class Checkpoint : TenantEntity
{
    private Checkpoint() { Name = string.Empty; }

    internal Checkpoint(Guid organizationId, Guid periodId, string name, DateOnly date) : base(organizationId)
    {
        PeriodId = periodId;
        Name = Guard.Text(name, "Name", TextLimits.Name);
        Date = date;
    }

    public Guid PeriodId { get; private set; }
    public string Name { get; internal set; }
    public DateOnly Date { get; internal set; }
    public bool Done { get; internal set; }
}
