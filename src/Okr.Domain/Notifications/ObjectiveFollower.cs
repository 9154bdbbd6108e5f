using Okr.Domain.Common;

namespace Okr.Domain.Notifications;

/// <summary>A person following an objective: they hear of its comments and of its key results turning at risk or off track.</summary>
public sealed class ObjectiveFollower : TenantEntity, IPersonalRecord
{
    private ObjectiveFollower() { }

    public ObjectiveFollower(Guid organizationId, Guid followedObjectiveId, Guid personId, DateTimeOffset now) : base(organizationId)
    {
        Guard.NotEmpty(followedObjectiveId, nameof(followedObjectiveId));
        Guard.NotEmpty(personId, nameof(personId));
        FollowedObjectiveId = followedObjectiveId;
        PersonId = personId;
        CreatedAt = now;
    }

    // Not "ObjectiveId": following is the person's, not part of the objective's history.
    public Guid FollowedObjectiveId { get; private set; }
    public Guid PersonId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
