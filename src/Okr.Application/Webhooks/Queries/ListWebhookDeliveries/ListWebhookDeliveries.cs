using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Webhooks.Dtos;

namespace Okr.Application.Webhooks.Queries.ListWebhookDeliveries;

/// <summary>A subscription's delivery log, newest first (admins).</summary>
/// <param name="First">How many (1 to 200; 50 when omitted).</param>
public sealed record ListWebhookDeliveries(Guid SubscriptionId, int? First = null) : IQuery<IReadOnlyList<WebhookDeliveryDto>>, IAdminRequest;

public sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveries>
{
    public ListWebhookDeliveriesValidator() => RuleFor(q => q.First).InclusiveBetween(1, 200);
}

public sealed class ListWebhookDeliveriesHandler(IOkrDbContext db) : IQueryHandler<ListWebhookDeliveries, IReadOnlyList<WebhookDeliveryDto>>
{
    public async ValueTask<IReadOnlyList<WebhookDeliveryDto>> Handle(ListWebhookDeliveries query, CancellationToken cancellationToken)
    {
        await db.WebhookSubscriptions.FindOrNotFoundAsync(query.SubscriptionId, "WebhookSubscription", cancellationToken);
        return (await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == query.SubscriptionId)
                .OrderByDescending(d => d.Sequence).Take(query.First ?? 50).ToListAsync(cancellationToken))
            .Select(d => d.ToDto()).ToList();
    }
}
