using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Domain.Objectives;

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
        if (!policy.CanEdit(ObjectiveAccess.Of(child)) && !await LeadsOverParentAsync(alignment.ParentObjectiveId, policy, cancellationToken))
            throw new ForbiddenException("The child objective's editors and the parent's leads can remove an alignment.");
        Alignment.EnsureRemovable(child);
        db.Alignments.Remove(alignment);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task<bool> LeadsOverParentAsync(Guid parentId, AccessPolicy policy, CancellationToken cancellationToken)
    {
        var unitId = await db.Objectives.Where(o => o.Id == parentId).Select(o => (Guid?)o.OwningUnitId).FirstOrDefaultAsync(cancellationToken);
        return unitId is { } unit && policy.LeadsOver(unit);
    }
}
