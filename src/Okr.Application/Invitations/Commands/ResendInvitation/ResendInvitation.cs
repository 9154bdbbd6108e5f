using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Invitations.Commands.CreateInvitation;

namespace Okr.Application.Invitations.Commands.ResendInvitation;

/// <summary>
/// Mails a pending (or expired) invitation again, with a new link and a new lifetime: only the token's hash is stored,
/// so the first link cannot be sent again, and it stops working. At most once every five minutes per invitation.
/// The answer carries the new token and accept link, shown only once. Admins only.
/// </summary>
public sealed record ResendInvitation(Guid Id) : ICommand<InvitationCreated>, IAdminRequest;

public sealed class ResendInvitationHandler(IOkrDbContext db, IClock clock, IAppLinks links) : ICommandHandler<ResendInvitation, InvitationCreated>
{
    public async ValueTask<InvitationCreated> Handle(ResendInvitation command, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.FindOrNotFoundAsync(command.Id, "Invitation", cancellationToken);
        var now = clock.UtcNow;
        var token = InvitationTokens.NewToken();
        invitation.Reissue(InvitationTokens.Hash(token), now);
        db.OutboxMessages.Add(await InvitationMail.ComposeAsync(db, invitation, token, links, now, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return new InvitationCreated(invitation.Id, invitation.Version, invitation.Email, invitation.Role, invitation.ExpiresAt,
            token, InvitationTokens.AcceptUrl(token));
    }
}
