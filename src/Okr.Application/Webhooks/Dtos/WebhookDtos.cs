using Okr.Application.Common;
using Okr.Domain.Webhooks;

namespace Okr.Application.Webhooks.Dtos;

/// <summary>A webhook subscription, never its secret.</summary>
/// <param name="EventTypes">The event types it receives (<c>check_in.recorded</c>, <c>objective.activated</c>, …).</param>
/// <param name="DisabledAt">When it stopped receiving: disabled by an admin, or after a day of failed deliveries.</param>
/// <param name="PreviousSecretExpiresAt">After a rotation, until when the previous secret also signs.</param>
public sealed record WebhookSubscriptionDto(
    Guid Id,
    long Version,
    string Url,
    string? Description,
    IReadOnlyList<string> EventTypes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt,
    string? DisabledReason,
    DateTimeOffset? SecretRotatedAt,
    DateTimeOffset? PreviousSecretExpiresAt) : IVersionedDto;

/// <summary>A subscription with its signing secret (<c>whsec_…</c>), shown only this once: when made, and when rotated.</summary>
public sealed record WebhookSecretIssued(WebhookSubscriptionDto Subscription, string Secret);

/// <summary>One event's delivery to a subscription, and its log.</summary>
/// <param name="MessageId">The <c>webhook-id</c> header: the same on every attempt and on a redelivery.</param>
/// <param name="Payload">The JSON body sent.</param>
/// <param name="ResponseStatus">The HTTP status of the last answer, if one came.</param>
/// <param name="ResponseBody">The start of the last answer's body (at most 1,000 characters).</param>
/// <param name="NextAttemptAt">When a pending delivery is tried next.</param>
public sealed record WebhookDeliveryDto(
    Guid Id,
    Guid SubscriptionId,
    string MessageId,
    string EventType,
    string Payload,
    WebhookDeliveryState State,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    int? ResponseStatus,
    string? ResponseBody,
    string? LastError);

internal static class WebhookMapping
{
    public static WebhookSubscriptionDto ToDto(this WebhookSubscription s) =>
        new(s.Id, s.Version, s.Url, s.Description, s.Types, s.CreatedAt, s.DisabledAt, s.DisabledReason, s.SecretRotatedAt, s.PreviousSecretExpiresAt);

    public static WebhookDeliveryDto ToDto(this WebhookDelivery d) =>
        new(d.Id, d.SubscriptionId, d.MessageId, d.EventType, d.Payload, d.State, d.Attempts, d.CreatedAt, d.LastAttemptAt,
            d.State == WebhookDeliveryState.Pending ? d.NextAttemptAt : null, d.DeliveredAt, d.ResponseStatus, d.ResponseBody, d.LastError);
}
