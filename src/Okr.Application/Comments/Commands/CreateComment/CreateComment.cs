using FluentValidation;
using Mediator;
using Okr.Application.Comments.Dtos;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Domain.Common;
using Okr.Domain.Work;

namespace Okr.Application.Comments.Commands.CreateComment;

/// <summary>Comments on an objective or a key result (give exactly one). Any member who can see it can.</summary>
public sealed record CreateComment : ICommand<CommentDto>
{
    /// <summary>The objective discussed.</summary>
    public Guid? ObjectiveId { get; init; }
    /// <summary>The key result discussed.</summary>
    public Guid? KeyResultId { get; init; }
    public required string Text { get; init; }
}

public sealed class CreateCommentValidator : AbstractValidator<CreateComment>
{
    public CreateCommentValidator()
    {
        RuleFor(c => c.ObjectiveId).Must((c, objectiveId) => (objectiveId is null) != (c.KeyResultId is null))
            .WithMessage("Comment on exactly one objective or one key result: give objectiveId or keyResultId.");
        RuleFor(c => c.ObjectiveId).NotEqual(Guid.Empty);
        RuleFor(c => c.KeyResultId).NotEqual(Guid.Empty);
        RuleFor(c => c.Text).NotEmpty().WithMessage("Write the comment.").MaximumLength(TextLimits.LongText);
    }
}

public sealed class CreateCommentHandler(IOkrDbContext db, AccessPolicyProvider access, ICurrentUser user, IClock clock)
    : ICommandHandler<CreateComment, CommentDto>
{
    public async ValueTask<CommentDto> Handle(CreateComment command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        try
        {
            if (command.ObjectiveId is { } objectiveId)
                await db.VisibleObjectiveAsync(objectiveId, policy, cancellationToken);
            else
                await db.VisibleKeyResultAsync(command.KeyResultId!.Value, policy, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw command.ObjectiveId is null
                ? Invalid.Field(nameof(command.KeyResultId), "No such key result in your organisation.")
                : Invalid.Field(nameof(command.ObjectiveId), "No such objective in your organisation.");
        }

        var comment = new Comment(user.OrganizationId!.Value, command.ObjectiveId, command.KeyResultId, policy.PersonId, command.Text, clock.UtcNow);
        db.Comments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return CommentDto.Of(comment);
    }
}
