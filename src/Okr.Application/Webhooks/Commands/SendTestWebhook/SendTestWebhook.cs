using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Webhooks.Dtos;
using Okr.Domain.Webhooks;

namespace Okr.Application.Webhooks.Commands.SendTestWebhook;

/// <summary>Queues a <c>webhook.test</c> event for one subscription, sent at the dispatcher's next run like any other (admins).</summary>
public sealed record SendTestWebhook(Guid SubscriptionId) : ICommand<WebhookDeliveryDto>, IAdminRequest;

public sealed class SendTestWebhookHandler(IOkrDbContext db, IClock clock) : ICommandHandler<SendTestWebhook, WebhookDeliveryDto>
{
    public async ValueTask<WebhookDeliveryDto> Handle(SendTestWebhook command, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.FindOrNotFoundAsync(command.SubscriptionId, "WebhookSubscription", cancellationToken);
        var now = clock.UtcNow;
        var test = WebhookEvents.Test(subscription.OrganizationId, subscription.Id, now);
        var delivery = new WebhookDelivery(subscription.OrganizationId, subscription.Id, test.Type, test.ResourceKey, WebhookSequence.Next(), test.Payload, now);
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(cancellationToken);
        return delivery.ToDto();
    }
}
