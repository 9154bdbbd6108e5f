using Mediator;
using Okr.Application.Annotations.Dtos;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;

namespace Okr.Application.Annotations.Commands.DeleteAnnotation;

/// <summary>Deletes an annotation (its author and admins can). No history depends on it; the audit trail keeps its last state.</summary>
public sealed record DeleteAnnotation(Guid Id, long? ExpectedVersion = null) : ICommand, IExpectVersion;

public sealed class DeleteAnnotationHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<DeleteAnnotation>
{
    public async ValueTask<Unit> Handle(DeleteAnnotation command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var annotation = (await db.VisibleAnnotationAsync(command.Id, policy, cancellationToken)).Annotation;
        if (!policy.CanChangeAnnotation(annotation.AuthorId))
            throw new ForbiddenException("Only the annotation's author and admins can delete it.");
        annotation.EnsureVersion(command.ExpectedVersion);
        db.Annotations.Remove(annotation);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
