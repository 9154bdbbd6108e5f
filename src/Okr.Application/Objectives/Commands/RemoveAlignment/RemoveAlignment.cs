using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;

namespace Okr.Application.Objectives.Commands.RemoveAlignment;

/// <summary>Removes one of an objective's alignments.</summary>
public sealed record RemoveAlignment(Guid Id, Guid AlignmentId) : ICommand;

public sealed class RemoveAlignmentHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<RemoveAlignment>
{
    public async ValueTask<Unit> Handle(RemoveAlignment command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var child = await db.VisibleObjectiveAsync(command.Id, policy, cancellationToken);
        var alignment = await db.Alignments.FirstOrDefaultAsync(a => a.Id == command.AlignmentId && a.ChildObjectiveId == child.Id, cancellationToken)
            ?? throw new NotFoundException("Alignment", command.AlignmentId);
        if (!policy.CanEdit(ObjectiveAccess.Of(child)))
            throw new ForbiddenException("You cannot change this objective's alignment.");
        db.Alignments.Remove(alignment);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
