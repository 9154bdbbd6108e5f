using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Comments.Dtos;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Domain.Common;

namespace Okr.Application.Comments.Commands.UpdateComment;

/// <summary>Rewrites a comment. Only its author can: nobody, admins included, puts words in someone else's mouth.</summary>
public sealed record UpdateComment : ICommand<CommentDto>, IExpectVersion
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    public required string Text { get; init; }
}

public sealed class UpdateCommentValidator : AbstractValidator<UpdateComment>
{
    public UpdateCommentValidator() => RuleFor(c => c.Text).NotEmpty().WithMessage("Write the comment.").MaximumLength(TextLimits.LongText);
}

public sealed class UpdateCommentHandler(IOkrDbContext db, AccessPolicyProvider access, IClock clock) : ICommandHandler<UpdateComment, CommentDto>
{
    public async ValueTask<CommentDto> Handle(UpdateComment command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var (comment, _) = await db.VisibleCommentAsync(command.Id, policy, cancellationToken);
        if (comment.AuthorId != policy.PersonId)
            throw new ForbiddenException("Only the author can edit a comment.");
        comment.EnsureVersion(command.ExpectedVersion);

        comment.Edit(command.Text, policy.PersonId, clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        return CommentDto.Of(comment);
    }
}
