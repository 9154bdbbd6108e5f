using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;

namespace Okr.Application.Notifications.Queries.GetObjectiveFollowing;

/// <summary>How many people follow an objective, and whether the caller does.</summary>
public sealed record FollowingView(int FollowerCount, bool IsFollowedByMe)
{
    public static FollowingView None { get; } = new(0, false);
}

/// <summary>The following of objectives the caller already sees (batch: one statement for all of them).</summary>
public sealed record GetObjectiveFollowing(IReadOnlyCollection<Guid> ObjectiveIds) : IQuery<IReadOnlyDictionary<Guid, FollowingView>>;

public sealed class GetObjectiveFollowingHandler(IOkrDbContext db, ICurrentUser user) : IQueryHandler<GetObjectiveFollowing, IReadOnlyDictionary<Guid, FollowingView>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, FollowingView>> Handle(GetObjectiveFollowing query, CancellationToken cancellationToken)
    {
        var ids = query.ObjectiveIds.Distinct().ToList();
        var me = user.PersonId ?? Guid.Empty;
        var rows = await db.ObjectiveFollowers.AsNoTracking().Where(f => EF.Parameter(ids).Contains(f.FollowedObjectiveId))
            .GroupBy(f => f.FollowedObjectiveId)
            .Select(g => new { Id = g.Key, Count = g.Count(), Mine = g.Count(f => f.PersonId == me) > 0 })
            .ToListAsync(cancellationToken);
        var found = rows.ToDictionary(r => r.Id, r => new FollowingView(r.Count, r.Mine));
        return ids.ToDictionary(id => id, id => found.GetValueOrDefault(id) ?? FollowingView.None);
    }
}
