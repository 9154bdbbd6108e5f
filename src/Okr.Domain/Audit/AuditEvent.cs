using Okr.Domain.Common;

namespace Okr.Domain.Audit;

/// <summary>Who changed what, when, before and after. Every command writes one, in the same transaction.</summary>
public sealed class AuditEvent : TenantEntity
{
    private AuditEvent() { Action = EntityType = string.Empty; }

    public AuditEvent(Guid organizationId, Guid? actorPersonId, string action, string entityType, Guid? entityId,
        DateTimeOffset at, string? before, string? after) : base(organizationId)
    {
        ActorPersonId = actorPersonId;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        At = at;
        Before = before;
        After = after;
    }

    public Guid? ActorPersonId { get; private set; }
    public string Action { get; private set; }
    public string EntityType { get; private set; }
    public Guid? EntityId { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>JSON of the changed values before the change (null for a creation).</summary>
    public string? Before { get; private set; }
    /// <summary>JSON of the changed values after the change (null for a deletion).</summary>
    public string? After { get; private set; }
}
