using Okr.Domain.Common;
using Okr.Domain.Computations;
using Okr.Domain.Reminders;

namespace Okr.Domain.Notifications;

/// <summary>Someone commented on an objective or on a key result (exactly one of the two).</summary>
public sealed record CommentPosted(Guid CommentId, Guid? ObjectiveId, Guid? KeyResultId, Guid AuthorId, string Text) : DomainEvent;

/// <summary>An objective was aligned to a parent objective, or to one of its key results.</summary>
public sealed record ObjectiveAligned(Guid AlignmentId, Guid ChildObjectiveId, Guid ParentObjectiveId, Guid? ParentKeyResultId) : DomainEvent;

/// <summary>A check-in moved a key result's status, as the domain computes it at the check-in's instant.</summary>
public sealed record KeyResultStatusChanged(Guid KeyResultId, Guid ObjectiveId, OkrStatus From, OkrStatus To) : DomainEvent
{
    /// <summary>Worth telling: it turned at risk or off track from something better.</summary>
    public bool TurnedWorse => To is OkrStatus.AtRisk or OkrStatus.OffTrack
        && KeyResultStatusRules.Severity(To) > KeyResultStatusRules.Severity(From);
}

/// <summary>A person overrode (or cleared the override of) an objective's or a key result's grade.</summary>
public sealed record GradeOverridden(Guid ObjectiveId, Guid? KeyResultId, double? Grade) : DomainEvent;

/// <summary>A check-in reminder, nudge or escalation went to a person (ADR 0025).</summary>
public sealed record ReminderSent(Guid RecipientId, Guid SubjectPersonId, DateOnly Cycle, ReminderKind Kind, int KeyResultCount) : DomainEvent;
