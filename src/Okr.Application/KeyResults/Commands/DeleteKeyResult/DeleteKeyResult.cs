using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;

namespace Okr.Application.KeyResults.Commands.DeleteKeyResult;

/// <summary>
/// Deletes a key result of an open objective. Soft: its check-ins and history stay. The alignments made to it go with it
/// (each removal is audited): a child objective no longer counts through a key result that is gone, and stays itself.
/// </summary>
public sealed record DeleteKeyResult(Guid Id, long? ExpectedVersion = null) : ICommand, IExpectVersion;

public sealed class DeleteKeyResultHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<DeleteKeyResult>
{
    public async ValueTask<Unit> Handle(DeleteKeyResult command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var (keyResult, objective) = await db.VisibleKeyResultAsync(command.Id, policy, cancellationToken);
        if (!policy.CanEdit(ObjectiveAccess.Of(objective)))
            throw new ForbiddenException("You cannot delete this key result.");
        keyResult.EnsureVersion(command.ExpectedVersion);
        keyResult.Delete(objective, await db.PeriodAsync(objective.PeriodId, cancellationToken));
        db.Alignments.RemoveRange(await db.Alignments.Where(a => a.ParentKeyResultId == keyResult.Id).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
