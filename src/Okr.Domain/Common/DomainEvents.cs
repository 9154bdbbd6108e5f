using Okr.Domain.Computations;

namespace Okr.Domain.Common;

/// <summary>A check-in was recorded on a key result.</summary>
public sealed record CheckInRecorded(Guid OrganizationId, Guid CheckInId, Guid KeyResultId, Guid ObjectiveId) : DomainEvent, IOrganizationFact;

/// <summary>A check-in moved a key result's computed status (at the instant it was recorded).</summary>
public sealed record KeyResultStatusChanged(Guid OrganizationId, Guid KeyResultId, Guid ObjectiveId, OkrStatus From, OkrStatus To) : DomainEvent, IOrganizationFact;

/// <summary>An objective was drafted (or made by a roll-over).</summary>
public sealed record ObjectiveCreated(Guid OrganizationId, Guid ObjectiveId) : DomainEvent, IOrganizationFact;

/// <summary>A draft objective became active.</summary>
public sealed record ObjectiveActivated(Guid OrganizationId, Guid ObjectiveId) : DomainEvent, IOrganizationFact;

/// <summary>An objective was closed (with its period, or on its own).</summary>
public sealed record ObjectiveClosed(Guid OrganizationId, Guid ObjectiveId) : DomainEvent, IOrganizationFact;

/// <summary>A closed objective's final grade was set or changed (at the close, by a late check-in, or by an override).</summary>
public sealed record ObjectiveGraded(Guid OrganizationId, Guid ObjectiveId, double? FinalGrade) : DomainEvent, IOrganizationFact;

/// <summary>How an alignment changed.</summary>
public enum AlignmentChange
{
    Added,
    Changed,
    Removed,
}

/// <summary>An objective was aligned to a parent, its alignment's kind or weight changed, or it was removed.</summary>
public sealed record AlignmentChanged(Guid OrganizationId, Guid AlignmentId, Guid ChildObjectiveId, Guid ParentObjectiveId, Guid? ParentKeyResultId,
    AlignmentChange Change) : DomainEvent, IOrganizationFact;

/// <summary>A comment was written on an objective or a key result.</summary>
public sealed record CommentCreated(Guid OrganizationId, Guid CommentId, Guid? ObjectiveId, Guid? KeyResultId) : DomainEvent, IOrganizationFact;
