using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Annotations.Dtos;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;

namespace Okr.Application.Annotations.Commands.UpdateAnnotation;

/// <summary>
/// Replaces an annotation's date, text, kind and targets; its author and admins can. Key results the caller can no
/// longer see stay among its targets, since the caller could not have listed them.
/// </summary>
public sealed record UpdateAnnotation : AnnotationFields, ICommand<AnnotationDto>, IExpectVersion
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
}

public sealed class UpdateAnnotationValidator : AbstractValidator<UpdateAnnotation>
{
    public UpdateAnnotationValidator(IClock clock) => Include(new AnnotationFieldsValidator(clock));
}

public sealed class UpdateAnnotationHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<UpdateAnnotation, AnnotationDto>
{
    public async ValueTask<AnnotationDto> Handle(UpdateAnnotation command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var seen = await db.VisibleAnnotationAsync(command.Id, policy, cancellationToken);
        var annotation = seen.Annotation;
        if (!policy.CanChangeAnnotation(annotation.AuthorId))
            throw new ForbiddenException("Only the annotation's author and admins can edit it.");
        annotation.EnsureVersion(command.ExpectedVersion);
        var hidden = seen.HiddenKeyResultIds;
        await (command with { KeyResultIds = command.KeyResultIds.Except(hidden).ToList() }).EnsureTargetsAsync(db, policy, cancellationToken);

        annotation.Edit(command.Date, command.Text, command.Kind, command.KeyResultIds.Union(hidden), command.KpiIds);
        await db.SaveChangesAsync(cancellationToken);
        return await annotation.ToDtoAsync(db, policy, cancellationToken);
    }
}
