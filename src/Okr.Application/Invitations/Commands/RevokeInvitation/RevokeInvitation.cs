using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;

namespace Okr.Application.Invitations.Commands.RevokeInvitation;

/// <summary>Revokes a pending invitation so its token no longer works (an accepted one cannot be revoked). Admins only.</summary>
public sealed record RevokeInvitation(Guid Id, long? ExpectedVersion = null) : ICommand, IExpectVersion, IAdminRequest;

public sealed class RevokeInvitationHandler(IOkrDbContext db, IClock clock) : ICommandHandler<RevokeInvitation>
{
    public async ValueTask<Unit> Handle(RevokeInvitation command, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.FindOrNotFoundAsync(command.Id, "Invitation", cancellationToken);
        invitation.EnsureVersion(command.ExpectedVersion);
        invitation.Revoke(clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
