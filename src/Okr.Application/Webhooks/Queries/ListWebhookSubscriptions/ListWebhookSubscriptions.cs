using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Webhooks.Dtos;

namespace Okr.Application.Webhooks.Queries.ListWebhookSubscriptions;

/// <summary>The organisation's webhook subscriptions, oldest first, never their secrets. Admins only.</summary>
public sealed record ListWebhookSubscriptions : IQuery<IReadOnlyList<WebhookSubscriptionDto>>, IAdminRequest;

public sealed class ListWebhookSubscriptionsHandler(IOkrDbContext db) : IQueryHandler<ListWebhookSubscriptions, IReadOnlyList<WebhookSubscriptionDto>>
{
    public async ValueTask<IReadOnlyList<WebhookSubscriptionDto>> Handle(ListWebhookSubscriptions query, CancellationToken cancellationToken) =>
        (await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(cancellationToken))
        .Select(s => s.ToDto()).ToList();
}
