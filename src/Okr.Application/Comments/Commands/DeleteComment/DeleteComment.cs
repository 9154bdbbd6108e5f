using Mediator;
using Okr.Application.Comments.Dtos;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;

namespace Okr.Application.Comments.Commands.DeleteComment;

/// <summary>
/// Deletes a comment, softly (the discussion's history and audit stay). Its author can; so can the leads over the
/// objective's unit and admins, as moderators.
/// </summary>
public sealed record DeleteComment(Guid Id, long? ExpectedVersion = null) : ICommand, IExpectVersion;

public sealed class DeleteCommentHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<DeleteComment>
{
    public async ValueTask<Unit> Handle(DeleteComment command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var (comment, objective) = await db.VisibleCommentAsync(command.Id, policy, cancellationToken);
        var moderator = policy.CanModerateComments(objective.OwningUnitId);
        if (comment.AuthorId != policy.PersonId && !moderator)
            throw new ForbiddenException("Only the author, the leads over the objective's unit and admins can delete a comment.");
        comment.EnsureVersion(command.ExpectedVersion);

        comment.Delete(policy.PersonId, moderator);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
