using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;
using Okr.Application.OkrGraph.Views;

namespace Okr.Application.OkrGraph.Queries.ObjectiveDetails;

// Batch queries for the lists hanging off objectives. The ids come from objectives the caller was allowed to see.

/// <summary>The comments on each objective, oldest first; with <c>AsOf</c>, only those written by then.</summary>
public sealed record GetObjectiveComments(IReadOnlyCollection<Guid> ObjectiveIds, DateTimeOffset? AsOf) : IQuery<IReadOnlyDictionary<Guid, IReadOnlyList<CommentView>>>;

/// <summary>The RACI of each objective.</summary>
public sealed record GetRaci(IReadOnlyCollection<Guid> ObjectiveIds) : IQuery<IReadOnlyDictionary<Guid, IReadOnlyList<RaciView>>>;

public sealed class ObjectiveDetailsHandler(IOkrDbContext db) :
    IQueryHandler<GetObjectiveComments, IReadOnlyDictionary<Guid, IReadOnlyList<CommentView>>>,
    IQueryHandler<GetRaci, IReadOnlyDictionary<Guid, IReadOnlyList<RaciView>>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, IReadOnlyList<CommentView>>> Handle(GetObjectiveComments query, CancellationToken cancellationToken)
    {
        var ids = query.ObjectiveIds.Distinct().ToList();
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.ObjectiveId != null && EF.Parameter(ids).Contains(c.ObjectiveId.Value))
            .Select(c => new CommentView(c.Id, c.Version, c.ObjectiveId, c.KeyResultId, c.AuthorId, c.Text, c.CreatedAt, c.EditedAt))
            .ToListAsync(cancellationToken);
        var byObjective = comments.Where(c => query.AsOf is null || c.CreatedAt <= query.AsOf)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToLookup(c => c.ObjectiveId!.Value);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<CommentView>)byObjective[id].ToList());
    }

    public async ValueTask<IReadOnlyDictionary<Guid, IReadOnlyList<RaciView>>> Handle(GetRaci query, CancellationToken cancellationToken)
    {
        var ids = query.ObjectiveIds.Distinct().ToList();
        var entries = await db.RaciAssignments.AsNoTracking()
            .Where(r => EF.Parameter(ids).Contains(r.ObjectiveId))
            .Select(r => new RaciView(r.ObjectiveId, r.PersonId, r.Role))
            .ToListAsync(cancellationToken);
        var byObjective = entries.OrderBy(r => r.Role).ThenBy(r => r.PersonId).ToLookup(r => r.ObjectiveId);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<RaciView>)byObjective[id].ToList());
    }
}
