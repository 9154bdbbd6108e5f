using FluentValidation;
using Mediator;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Webhooks.Dtos;
using Okr.Domain.Common;
using Okr.Domain.Webhooks;

namespace Okr.Application.Webhooks.Commands.CreateWebhookSubscription;

/// <summary>
/// Subscribes an HTTPS endpoint to event types (admins). The answer carries the signing secret (<c>whsec_…</c>) once:
/// it is stored encrypted and never shown again (rotate it to get a new one).
/// </summary>
public sealed record CreateWebhookSubscription : ICommand<WebhookSecretIssued>, IAdminRequest
{
    /// <summary>The endpoint: HTTPS, on a public address.</summary>
    public required string Url { get; init; }
    /// <summary>What it is for (e.g. "Data warehouse").</summary>
    public string? Description { get; init; }
    /// <summary>The event types it receives: check_in.recorded, key_result.status_changed, objective.created, objective.activated, objective.closed, objective.graded, alignment.changed, comment.created.</summary>
    public required IReadOnlyList<string> EventTypes { get; init; }
}

public sealed class CreateWebhookSubscriptionValidator : AbstractValidator<CreateWebhookSubscription>
{
    public CreateWebhookSubscriptionValidator()
    {
        RuleFor(c => c.Url).WebhookUrl();
        RuleFor(c => c.Description).MaximumLength(TextLimits.Title);
        RuleFor(c => c.EventTypes).WebhookEventTypes();
    }
}

public sealed class CreateWebhookSubscriptionHandler(IOkrDbContext db, ICurrentUser user, IClock clock, IWebhookSecrets secrets, IWebhookTargets targets)
    : ICommandHandler<CreateWebhookSubscription, WebhookSecretIssued>
{
    public async ValueTask<WebhookSecretIssued> Handle(CreateWebhookSubscription command, CancellationToken cancellationToken)
    {
        var organizationId = user.OrganizationId ?? throw new ForbiddenException("You do not belong to an organisation.");
        var url = command.Url.Trim();
        await targets.EnsureAllowedAsync(nameof(command.Url), url, cancellationToken);
        var secret = WebhookEvents.NewSecret();
        var subscription = new WebhookSubscription(organizationId, url, command.Description?.Trim(), command.EventTypes, secrets.Protect(secret),
            user.PersonId!.Value, clock.UtcNow);
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookSecretIssued(subscription.ToDto(), secret);
    }
}
