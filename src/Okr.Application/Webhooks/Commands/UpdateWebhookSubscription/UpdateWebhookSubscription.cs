using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Webhooks.Dtos;
using Okr.Domain.Common;

namespace Okr.Application.Webhooks.Commands.UpdateWebhookSubscription;

/// <summary>
/// Changes a subscription's URL, description and event types, and enables or disables it (admins). Enabling one that was
/// disabled after failing sends what waited for it, in order.
/// </summary>
public sealed record UpdateWebhookSubscription : ICommand<WebhookSubscriptionDto>, IExpectVersion, IAdminRequest
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    public required string Url { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<string> EventTypes { get; init; }
    /// <summary>False stops deliveries (they wait, and go when it is enabled again).</summary>
    public required bool Enabled { get; init; }
}

public sealed class UpdateWebhookSubscriptionValidator : AbstractValidator<UpdateWebhookSubscription>
{
    public UpdateWebhookSubscriptionValidator()
    {
        RuleFor(c => c.Url).WebhookUrl();
        RuleFor(c => c.Description).MaximumLength(TextLimits.Title);
        RuleFor(c => c.EventTypes).WebhookEventTypes();
    }
}

public sealed class UpdateWebhookSubscriptionHandler(IOkrDbContext db, IClock clock, IWebhookTargets targets)
    : ICommandHandler<UpdateWebhookSubscription, WebhookSubscriptionDto>
{
    public async ValueTask<WebhookSubscriptionDto> Handle(UpdateWebhookSubscription command, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.FindOrNotFoundAsync(command.Id, "WebhookSubscription", cancellationToken);
        subscription.EnsureVersion(command.ExpectedVersion);
        var url = command.Url.Trim();
        await targets.EnsureAllowedAsync(nameof(command.Url), url, cancellationToken);
        subscription.Change(url, command.Description?.Trim(), command.EventTypes);
        if (command.Enabled)
            subscription.Enable();
        else
            subscription.Disable("Disabled by an admin.", clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        return subscription.ToDto();
    }
}
