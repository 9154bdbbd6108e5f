using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Webhooks.Dtos;

namespace Okr.Application.Webhooks.Commands.RedeliverWebhook;

/// <summary>Sends a delivery again, with the same webhook-id and payload, at the dispatcher's next run (admins).</summary>
public sealed record RedeliverWebhook(Guid SubscriptionId, Guid DeliveryId) : ICommand<WebhookDeliveryDto>, IAdminRequest;

public sealed class RedeliverWebhookHandler(IOkrDbContext db, IClock clock) : ICommandHandler<RedeliverWebhook, WebhookDeliveryDto>
{
    public async ValueTask<WebhookDeliveryDto> Handle(RedeliverWebhook command, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries
                           .FirstOrDefaultAsync(d => d.Id == command.DeliveryId && d.SubscriptionId == command.SubscriptionId, cancellationToken)
                       ?? throw new NotFoundException("WebhookDelivery", command.DeliveryId);
        delivery.Redeliver(clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        return delivery.ToDto();
    }
}
