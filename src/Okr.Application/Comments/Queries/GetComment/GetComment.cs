using Mediator;
using Okr.Application.Comments.Dtos;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;

namespace Okr.Application.Comments.Queries.GetComment;

/// <summary>One comment (a deleted one is gone: 404).</summary>
public sealed record GetComment(Guid Id) : IQuery<CommentDto>;

public sealed class GetCommentHandler(IOkrDbContext db, AccessPolicyProvider access) : IQueryHandler<GetComment, CommentDto>
{
    public async ValueTask<CommentDto> Handle(GetComment query, CancellationToken cancellationToken) =>
        CommentDto.Of((await db.VisibleCommentAsync(query.Id, await access.GetAsync(cancellationToken), cancellationToken)).Comment);
}
