using Okr.Domain.Common;

namespace Okr.Domain.Audit;

/// <summary>Who changed what, when, before and after. Every command writes one, in the same transaction.</summary>
public sealed class AuditEvent : TenantEntity
{
    private AuditEvent() { Action = EntityType = string.Empty; }

    public AuditEvent(Guid organizationId, Guid? actorPersonId, string action, string entityType, Guid? entityId,
        DateTimeOffset at, string? before, string? after, Guid? objectiveId = null, Guid? relatedObjectiveId = null,
        AuditKind kind = AuditKind.Change) : base(organizationId)
    {
        Kind = kind;
        ObjectiveId = objectiveId;
        RelatedObjectiveId = relatedObjectiveId;
        ActorPersonId = actorPersonId;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        At = at;
        Before = before;
        After = after;
    }

    public Guid? ActorPersonId { get; private set; }
    /// <summary>The command's name, as written (<c>UpdateObjective</c>, <c>RecordCheckIn</c>, …): shown, never matched.</summary>
    public string Action { get; private set; }
    /// <summary>What kind of command it was, where the history needs to know (see <see cref="AuditKind"/>).</summary>
    public AuditKind Kind { get; private set; }
    public string EntityType { get; private set; }
    public Guid? EntityId { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>JSON of the changed values before the change (null for a creation).</summary>
    public string? Before { get; private set; }
    /// <summary>JSON of the changed values after the change (null for a deletion).</summary>
    public string? After { get; private set; }
    /// <summary>
    /// The objective whose history this event belongs to: the objective itself, or the one its key result, check-in,
    /// comment, RACI entry or link belongs to, or the child of an alignment. Recorded when written, so the history
    /// keeps rows that were deleted since.
    /// </summary>
    public Guid? ObjectiveId { get; private set; }
    /// <summary>A second objective the event concerns: the parent of an alignment.</summary>
    public Guid? RelatedObjectiveId { get; private set; }

    /// <summary>Files the event under an objective's history once the writer knows which (from a key result, say).</summary>
    public void BelongsTo(Guid objectiveId) => ObjectiveId ??= objectiveId;
}
