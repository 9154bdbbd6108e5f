using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;
using Okr.Application.Messaging;
using Okr.Domain.Messaging;
using Okr.Domain.Organizations;

namespace Okr.Application.Invitations;

/// <summary>The invitation email: the organisation's name, who invited, and the SPA's accept link with the token.</summary>
public static class InvitationMail
{
    public static async Task<OutboxMessage> ComposeAsync(IOkrDbContext db, Invitation invitation, string token, IAppLinks links,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.Where(o => o.Id == invitation.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var invitedBy = await db.People.Where(p => p.Id == invitation.InvitedById).Select(p => p.DisplayName).SingleAsync(cancellationToken);
        return Emails.Invitation(invitation, organization, invitedBy, links.Spa(InvitationTokens.AcceptUrl(token)), now);
    }
}
