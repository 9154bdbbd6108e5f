using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Messaging;
using Okr.Domain.Common;
using Okr.Domain.Organizations;

namespace Okr.Application.Invitations.Commands.CreateInvitation;

/// <summary>
/// Invites someone by email: the invitation is mailed to them, naming the organisation and who invited, with the link to
/// accept it. The answer carries the one-time token (and that link) once: only its hash is stored. The invitee registers
/// or signs in with that email and accepts. Admins only.
/// </summary>
public sealed record CreateInvitation : ICommand<InvitationCreated>, IAdminRequest
{
    /// <summary>The invitee's email; they must sign in with this address to accept.</summary>
    public required string Email { get; init; }
    /// <summary>The organisation role the invitee gets (member by default).</summary>
    public OrganizationRole Role { get; init; } = OrganizationRole.Member;
}

/// <summary>A new invitation (or a new link for one) with its one-time token, which was mailed to the invitee; it is not shown again.</summary>
/// <param name="Version">The ETag: send it back in If-Match to revoke the invitation.</param>
/// <param name="Token">The one-time token; only its hash is stored.</param>
/// <param name="AcceptUrl">The SPA's page where the invitee accepts, with the token (the mail carries it as an absolute link).</param>
public sealed record InvitationCreated(
    Guid Id,
    long Version,
    string Email,
    OrganizationRole Role,
    DateTimeOffset ExpiresAt,
    string Token,
    string AcceptUrl) : Common.IVersionedDto;

public sealed class CreateInvitationValidator : AbstractValidator<CreateInvitation>
{
    public CreateInvitationValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("Give the invitee's email.").MaximumLength(TextLimits.Email)
            .Must(BeAnEmailAddress).WithMessage("Give a valid email address such as name@example.com.");
        RuleFor(c => c.Role).IsInEnum();
    }

    // The domain's own rule, so everything it would refuse is a field error here.
    private static bool BeAnEmailAddress(string? email)
    {
        try
        {
            EmailAddress.Normalize(email);
            return true;
        }
        catch (DomainRuleException)
        {
            return false;
        }
    }
}

public sealed class CreateInvitationHandler(IOkrDbContext db, ICurrentUser user, IClock clock, IAppLinks links) : ICommandHandler<CreateInvitation, InvitationCreated>
{
    public async ValueTask<InvitationCreated> Handle(CreateInvitation command, CancellationToken cancellationToken)
    {
        var organizationId = user.OrganizationId ?? throw new ForbiddenException("You do not belong to an organisation.");
        var invitedBy = user.PersonId ?? throw new ForbiddenException("You do not belong to an organisation.");
        var email = EmailAddress.Normalize(command.Email);
        var now = clock.UtcNow;
        if (await db.People.AnyAsync(p => p.Email == email, cancellationToken))
            throw new ConflictException("invitation.already_member", $"{email} already belongs to the organisation.");
        if (await db.Invitations.AnyAsync(i => i.Email == email && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, cancellationToken))
            throw new ConflictException("invitation.pending", $"{email} already has a pending invitation: revoke it to send a new one.");

        var token = InvitationTokens.NewToken();
        var invitation = new Invitation(organizationId, email, command.Role, InvitationTokens.Hash(token), invitedBy, now);
        db.Invitations.Add(invitation);
        db.OutboxMessages.Add(await InvitationMail.ComposeAsync(db, invitation, token, links, now, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return new InvitationCreated(invitation.Id, invitation.Version, invitation.Email, invitation.Role, invitation.ExpiresAt,
            token, InvitationTokens.AcceptUrl(token));
    }
}
