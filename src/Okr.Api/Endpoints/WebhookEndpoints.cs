using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Okr.Application.Webhooks.Commands.CreateWebhookSubscription;
using Okr.Application.Webhooks.Commands.DeleteWebhookSubscription;
using Okr.Application.Webhooks.Commands.RedeliverWebhook;
using Okr.Application.Webhooks.Commands.RotateWebhookSecret;
using Okr.Application.Webhooks.Commands.SendTestWebhook;
using Okr.Application.Webhooks.Commands.UpdateWebhookSubscription;
using Okr.Application.Webhooks.Dtos;
using Okr.Application.Webhooks.Queries.ListWebhookDeliveries;
using Okr.Application.Webhooks.Queries.ListWebhookSubscriptions;

namespace Okr.Api.Endpoints;

/// <summary>/api/webhook-subscriptions: outbound webhooks signed as Standard Webhooks say, and their delivery logs (admins; ADR 0030).</summary>
public static class WebhookEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/webhook-subscriptions").WithTags("Webhooks");
        group.MapPost("/", CreateWebhookSubscription)
            .Operation(nameof(CreateWebhookSubscription),
                "Subscribe an HTTPS endpoint to event types (admins). The answer carries the signing secret (whsec_…) once; it is stored encrypted.")
            .RuleViolations();
        group.MapGet("/", ListWebhookSubscriptions)
            .Operation(nameof(ListWebhookSubscriptions), "The organisation's webhook subscriptions, never their secrets (admins).");
        group.MapPut("/{id:guid}", UpdateWebhookSubscription)
            .Operation(nameof(UpdateWebhookSubscription), "Change a subscription's URL, description and event types; enable or disable it (admins). Send If-Match.")
            .NotFoundAndStale().RuleViolations();
        group.MapDelete("/{id:guid}", DeleteWebhookSubscription)
            .Operation(nameof(DeleteWebhookSubscription), "Delete a subscription and its delivery log (admins).").NotFoundAndStale();
        group.MapPost("/{id:guid}/rotate-secret", RotateWebhookSecret)
            .Operation(nameof(RotateWebhookSecret),
                "Make a new signing secret, shown once (admins); the previous one also signs for overlapHours (24 by default). Send If-Match.")
            .NotFoundAndStale().RuleViolations();
        group.MapPost("/{id:guid}/test", SendTestWebhook)
            .Operation(nameof(SendTestWebhook), "Queue a webhook.test event for this subscription (admins).").NotFound();
        group.MapGet("/{id:guid}/deliveries", ListWebhookDeliveries)
            .Operation(nameof(ListWebhookDeliveries),
                "A subscription's delivery log, newest first: payload, attempts, last status and body excerpt, next attempt (admins).").Read();
        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", RedeliverWebhook)
            .Operation(nameof(RedeliverWebhook), "Send a delivery again, same webhook-id and payload, at the dispatcher's next run (admins).").NotFound();
    }

    public static async Task<Created<WebhookSecretIssued>> CreateWebhookSubscription(CreateWebhookSubscription command, ISender sender,
        CancellationToken cancellationToken)
    {
        var created = await sender.Send(command, cancellationToken);
        return TypedResults.Created($"/api/webhook-subscriptions/{created.Subscription.Id}", created);
    }

    public static async Task<Ok<IReadOnlyList<WebhookSubscriptionDto>>> ListWebhookSubscriptions(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListWebhookSubscriptions(), cancellationToken));

    public static async Task<Ok<WebhookSubscriptionDto>> UpdateWebhookSubscription(Guid id, UpdateWebhookSubscription command, ISender sender,
        HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<NoContent> DeleteWebhookSubscription(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteWebhookSubscription(id, Http.IfMatch(http)), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<WebhookSecretIssued>> RotateWebhookSecret(Guid id, RotateWebhookSecret command, ISender sender, HttpContext http,
        CancellationToken cancellationToken)
    {
        var rotated = await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken);
        Http.SetETag(http, rotated.Subscription.Version);
        return TypedResults.Ok(rotated);
    }

    public static async Task<Created<WebhookDeliveryDto>> SendTestWebhook(Guid id, ISender sender, CancellationToken cancellationToken)
    {
        var delivery = await sender.Send(new SendTestWebhook(id), cancellationToken);
        return TypedResults.Created($"/api/webhook-subscriptions/{id}/deliveries", delivery);
    }

    public static async Task<Ok<IReadOnlyList<WebhookDeliveryDto>>> ListWebhookDeliveries(Guid id, int? first, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListWebhookDeliveries(id, first), cancellationToken));

    public static async Task<Ok<WebhookDeliveryDto>> RedeliverWebhook(Guid id, Guid deliveryId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new RedeliverWebhook(id, deliveryId), cancellationToken));
}
