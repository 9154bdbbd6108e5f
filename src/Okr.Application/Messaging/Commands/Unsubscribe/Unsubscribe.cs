using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Domain.Messaging;

namespace Okr.Application.Messaging.Commands.Unsubscribe;

/// <summary>
/// Turns off one kind of email for one person, by the token of an unsubscribe link: the page the email links to, or a
/// mail client's one-click POST (RFC 8058). No sign-in: the signed token is the proof. A token the server did not issue
/// is refused (400) and changes nothing; unsubscribing again answers the same.
/// </summary>
public sealed record Unsubscribe(string Token) : ICommand<Unsubscribed>, IAnonymousRequest;

/// <param name="Kind">The kind of email turned off (<c>business-review</c>).</param>
/// <param name="Subscription">What that is called (business reviews).</param>
public sealed record Unsubscribed(string Kind, string Subscription);

public sealed class UnsubscribeValidator : AbstractValidator<Unsubscribe>
{
    public UnsubscribeValidator()
    {
        RuleFor(c => c.Token).NotEmpty().WithMessage("The unsubscribe link has no token.");
    }
}

public sealed class UnsubscribeHandler(IOkrDbContext db, IUnsubscribeTokens tokens, IClock clock) : ICommandHandler<Unsubscribe, Unsubscribed>
{
    private const string Refused = "This unsubscribe link is not valid. Open the one in your latest email, or change your preferences in Okr.";

    public async ValueTask<Unsubscribed> Handle(Unsubscribe command, CancellationToken cancellationToken)
    {
        if (tokens.Read(command.Token) is not { } request || Emails.SubscriptionName(request.Kind) is not { } subscription)
            throw Invalid.Field(nameof(command.Token), Refused);
        // Nobody is signed in: the token names the organisation, so the tenant's rows are read by it explicitly.
        var person = await db.People.IgnoreQueryFilters([QueryFilters.Tenant]).AsNoTracking()
            .Where(p => p.Id == request.PersonId && p.OrganizationId == request.OrganizationId)
            .Select(p => new { p.Id }).FirstOrDefaultAsync(cancellationToken)
            ?? throw Invalid.Field(nameof(command.Token), Refused);
        var already = await db.EmailOptOuts.IgnoreQueryFilters([QueryFilters.Tenant])
            .AnyAsync(o => o.OrganizationId == request.OrganizationId && o.PersonId == person.Id && o.Kind == request.Kind, cancellationToken);
        if (!already)
        {
            db.EmailOptOuts.Add(new EmailOptOut(request.OrganizationId, person.Id, request.Kind, clock.UtcNow));
            await db.SaveChangesAsync(cancellationToken);
        }
        return new Unsubscribed(request.Kind, subscription);
    }
}
