using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;

namespace Okr.Application.Objectives.Commands.DeleteObjective;

/// <summary>Deletes a draft (an active objective is cancelled instead, so its history stays).</summary>
public sealed record DeleteObjective(Guid Id, long? ExpectedVersion = null) : ICommand, IExpectVersion;

public sealed class DeleteObjectiveHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<DeleteObjective>
{
    public async ValueTask<Unit> Handle(DeleteObjective command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var objective = await db.VisibleObjectiveAsync(command.Id, policy, cancellationToken);
        if (!policy.CanEdit(ObjectiveAccess.Of(objective)))
            throw new ForbiddenException("You cannot delete this objective.");
        objective.EnsureVersion(command.ExpectedVersion);
        objective.EnsureDeletable();
        if (await db.Objectives.AnyAsync(o => o.RolledOverFromId == objective.Id, cancellationToken))
            throw new ConflictException("objective.has_roll_over", "This draft was rolled over into a later period; delete that copy first, or cancel this one.");

        // A draft has no check-ins; what pointed at it goes with it. Key results are a draft's own rows.
        var keyResultIds = await db.KeyResults.IgnoreQueryFilters([QueryFilters.SoftDelete])
            .Where(k => k.ObjectiveId == objective.Id).Select(k => k.Id).ToListAsync(cancellationToken);
        db.Alignments.RemoveRange(await db.Alignments
            .Where(a => a.ChildObjectiveId == objective.Id || a.ParentObjectiveId == objective.Id).ToListAsync(cancellationToken));
        db.Comments.RemoveRange(await db.Comments.IgnoreQueryFilters([QueryFilters.SoftDelete])
            .Where(c => c.ObjectiveId == objective.Id || (c.KeyResultId != null && keyResultIds.Contains(c.KeyResultId.Value)))
            .ToListAsync(cancellationToken));
        db.InitiativeKeyResults.RemoveRange(await db.InitiativeKeyResults.Where(l => keyResultIds.Contains(l.KeyResultId)).ToListAsync(cancellationToken));
        db.KpiKeyResults.RemoveRange(await db.KpiKeyResults.Where(l => keyResultIds.Contains(l.KeyResultId)).ToListAsync(cancellationToken));
        db.AnnotationTargets.RemoveRange(await db.AnnotationTargets
            .Where(t => t.KeyResultId != null && keyResultIds.Contains(t.KeyResultId.Value)).ToListAsync(cancellationToken));
        db.Objectives.Remove(objective);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
