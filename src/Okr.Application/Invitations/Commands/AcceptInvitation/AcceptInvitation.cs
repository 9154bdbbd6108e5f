using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.People.Dtos;
using Okr.Domain.Common;
using Okr.Domain.Organizations;

namespace Okr.Application.Invitations.Commands.AcceptInvitation;

/// <summary>
/// A signed-in user who belongs to no organisation accepts an invitation sent to their email and joins the
/// organisation with the invitation's role. Only the invited address may accept; the one-time token, which the product
/// mailed to that address (ADR 0021), proves the caller receives its mail, so accepting confirms it.
/// </summary>
public sealed record AcceptInvitation : ICommand<PersonDto>, IUserRequest
{
    /// <summary>The one-time token from the invitation link.</summary>
    public required string Token { get; init; }
    /// <summary>How the new member is shown to colleagues; defaults to the part of their email before the @.</summary>
    public string? DisplayName { get; init; }
}

public sealed class AcceptInvitationValidator : AbstractValidator<AcceptInvitation>
{
    public AcceptInvitationValidator()
    {
        RuleFor(c => c.Token).NotEmpty().WithMessage("Give the invitation's token.").MaximumLength(256);
        RuleFor(c => c.DisplayName).MaximumLength(TextLimits.Name);
    }
}

public sealed class AcceptInvitationHandler(IOkrDbContext db, ICurrentUser user, IClock clock, IAccounts accounts) : ICommandHandler<AcceptInvitation, PersonDto>
{
    public async ValueTask<PersonDto> Handle(AcceptInvitation command, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new UnauthenticatedException("Sign in to accept an invitation.");
        // The caller has no organisation yet, so both reads look past the tenant filter on purpose.
        if (await db.People.IgnoreQueryFilters([QueryFilters.Tenant]).AnyAsync(p => p.UserId == userId, cancellationToken))
            throw new ConflictException("organization.already_member", "You already belong to an organisation.");

        var hash = InvitationTokens.Hash(command.Token);
        var invitation = await db.Invitations.IgnoreQueryFilters([QueryFilters.Tenant]).FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken)
            ?? throw new NotFoundException("Invitation", "token");

        var person = new Person(invitation.OrganizationId, userId,
            string.IsNullOrWhiteSpace(command.DisplayName) ? invitation.Email.Split('@')[0] : command.DisplayName, invitation.Email, invitation.Role);
        // Used, revoked or expired: the domain's rule codes (422). Nothing is saved when a later check refuses.
        invitation.Accept(person.Id, clock.UtcNow);
        if (!string.Equals(user.Email?.Trim(), invitation.Email, StringComparison.OrdinalIgnoreCase))
            throw new ForbiddenException("This invitation was sent to another email address: sign in with that address to accept it.");
        if (await db.People.IgnoreQueryFilters([QueryFilters.Tenant])
                .AnyAsync(p => p.OrganizationId == invitation.OrganizationId && p.Email == invitation.Email, cancellationToken))
            throw new ConflictException("invitation.already_member", $"{invitation.Email} already belongs to the organisation.");

        db.People.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        await accounts.ConfirmEmailAsync(userId, cancellationToken);
        return new PersonDto(person.Id, person.Version, person.DisplayName, person.Email, person.Role, person.IsActive, []);
    }
}
