using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Domain.Notifications;

namespace Okr.Application.Notifications.Commands.FollowObjective;

/// <summary>
/// The caller follows an objective they can see: they hear of its comments and of its key results turning at risk or
/// off track (ADR 0028). Following it again changes nothing.
/// </summary>
public sealed record FollowObjective(Guid Id) : ICommand;

/// <summary>The caller stops following an objective. Not following it (any more) is no error.</summary>
public sealed record UnfollowObjective(Guid Id) : ICommand;

public sealed class FollowObjectiveHandler(IOkrDbContext db, AccessPolicyProvider access, ICurrentUser user, IClock clock) :
    ICommandHandler<FollowObjective>,
    ICommandHandler<UnfollowObjective>
{
    public async ValueTask<Unit> Handle(FollowObjective command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var objective = await db.VisibleObjectiveAsync(command.Id, policy, cancellationToken);
        if (!await db.ObjectiveFollowers.AnyAsync(f => f.FollowedObjectiveId == objective.Id && f.PersonId == policy.PersonId, cancellationToken))
        {
            db.ObjectiveFollowers.Add(new ObjectiveFollower(user.OrganizationId!.Value, objective.Id, policy.PersonId, clock.UtcNow));
            await db.SaveChangesAsync(cancellationToken);
        }
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(UnfollowObjective command, CancellationToken cancellationToken)
    {
        var personId = user.PersonId ?? throw new ForbiddenException("You do not belong to an organisation yet.");
        var removed = await db.ObjectiveFollowers.Where(f => f.FollowedObjectiveId == command.Id && f.PersonId == personId)
            .ExecuteDeleteAsync(cancellationToken);
        // Nothing removed: fine for an objective the caller can see (already not following), not found otherwise.
        if (removed == 0)
            await db.VisibleObjectiveAsync(command.Id, await access.GetAsync(cancellationToken), cancellationToken);
        return Unit.Value;
    }
}
