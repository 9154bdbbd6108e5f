namespace Okr.Domain.Audit;

/// <summary>
/// What kind of command wrote an audit event, where the changed values alone do not tell: the history reads it to name
/// an entry (a grade set by hand, a roll-over, a period's close) or to leave one out (the current value a check-in
/// moves). Every other command writes <see cref="Change"/>: its events are told apart by what changed.
/// </summary>
public enum AuditKind
{
    Change = 0,
    CheckIn = 1,
    ObjectiveRollOver = 2,
    ObjectiveGradeOverride = 3,
    KeyResultGradeOverride = 4,
    PeriodClose = 5,
}
