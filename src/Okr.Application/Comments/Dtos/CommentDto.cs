using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Domain.Work;

namespace Okr.Application.Comments.Dtos;

/// <summary>A comment as REST returns it; the discussion of an objective is on GraphQL.</summary>
/// <param name="Version">The ETag: send it back in If-Match to change the comment.</param>
/// <param name="ObjectiveId">The objective discussed, or null when the comment is on a key result.</param>
/// <param name="KeyResultId">The key result discussed, or null when the comment is on an objective.</param>
/// <param name="EditedAt">When the author last changed the text, if ever.</param>
public sealed record CommentDto(
    Guid Id,
    long Version,
    Guid? ObjectiveId,
    Guid? KeyResultId,
    Guid AuthorId,
    string Text,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt) : IVersionedDto
{
    public static CommentDto Of(Comment c) => new(c.Id, c.Version, c.ObjectiveId, c.KeyResultId, c.AuthorId, c.Text, c.CreatedAt, c.EditedAt);
}

public static class CommentLoading
{
    /// <summary>
    /// A (not deleted) comment whose objective the caller can see — for a comment on a key result, the key result's
    /// objective, even when the key result was deleted since — with that objective's access facts. Otherwise 404.
    /// </summary>
    public static async Task<(Comment Comment, ObjectiveAccess Objective)> VisibleCommentAsync(this IOkrDbContext db, Guid id, AccessPolicy access,
        CancellationToken cancellationToken)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("Comment", id);
        var objectiveId = comment.ObjectiveId
            ?? await db.KeyResults.IgnoreQueryFilters([QueryFilters.SoftDelete]).Where(k => k.Id == comment.KeyResultId)
                .Select(k => (Guid?)k.ObjectiveId).FirstOrDefaultAsync(cancellationToken);
        var objective = await db.Objectives.AsNoTracking().Where(o => o.Id == objectiveId)
            .Select(o => new { o.OwningUnitId, o.OwnerId, o.State, o.Visibility })
            .FirstOrDefaultAsync(cancellationToken);
        if (objective is null)
            throw new NotFoundException("Comment", id);
        var facts = new ObjectiveAccess(objective.OwningUnitId, objective.OwnerId, objective.State, objective.Visibility);
        if (!access.CanSee(facts))
            throw new NotFoundException("Comment", id);
        return (comment, facts);
    }
}
