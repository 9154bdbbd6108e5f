using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Okr.Application.Common.Interfaces;
using Okr.Application.Messaging;
using Okr.Application.Webhooks;
using Okr.Domain.Messaging;
using Okr.Domain.Organizations;
using Okr.Domain.Webhooks;
using Okr.Infrastructure.Persistence;

namespace Okr.Infrastructure.Webhooks;

/// <summary>
/// Sends webhooks (ADR 0030), run by the scheduler's <see cref="Scheduling.WebhookDispatchJob"/>; tests call
/// <see cref="DispatchDueAsync"/>. First each webhook event of the outbox becomes one delivery per enabled subscription
/// of its organisation that receives its type (in one transaction with marking the event done). Then every due delivery
/// whose resource has no earlier pending delivery to the same subscription is claimed with a lease (one conditional
/// UPDATE, as the email outbox does), signed and POSTed; the outcome is recorded on the row. Failures wait as
/// <see cref="WebhookDelivery.RetrySchedule"/> says; after the last, the delivery fails, its subscription is disabled
/// and the organisation's admins are mailed, in one save. Times are the product clock's, except the
/// <c>webhook-timestamp</c> header, which receivers compare with their own clocks: the machine's.
/// </summary>
public sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    IWebhookSecrets secrets,
    IClock clock,
    TimeProvider machineTime,
    IAppLinks links,
    IOptionsMonitor<WebhookOptions> options,
    ILogger<WebhookDispatcher> logger)
{
    public const string HttpClientName = "okr-webhooks";
    private const int MaxPasses = 100;
    private static readonly string[] Tenant = [OkrDbContext.TenantFilter];

    /// <summary>This dispatcher's name on the rows it claims.</summary>
    public Guid Id { get; } = Guid.CreateVersion7();

    /// <summary>Fans the outbox's webhook events out, then sends what is due, until nothing more is; answers how many were delivered.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await FanOutAsync(cancellationToken);
        var delivered = 0;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            // A delivery can make the next one of its resource due, so passes go on until one finds nothing.
            var (candidates, succeeded) = await DeliverBatchAsync(cancellationToken);
            delivered += succeeded;
            if (candidates == 0)
                break;
        }
        return delivered;
    }

    private async Task FanOutAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
            var events = await db.OutboxMessages
                .Where(m => m.Channel == OutboxChannel.Webhook && m.State == OutboxState.Pending)
                .OrderBy(m => m.Sequence).Take(options.CurrentValue.BatchSize)
                .AsNoTracking().ToListAsync(cancellationToken);
            if (events.Count == 0)
                return;
            foreach (var message in events)
                await FanOutAsync(db, message, cancellationToken);
        }
    }

    private async Task FanOutAsync(OkrDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Whoever's UPDATE finds the event still pending fans it out; another replica's finds nothing and writes nothing.
        var won = await db.OutboxMessages.Where(m => m.Id == message.Id && m.State == OutboxState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Sent).SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.Attempts, 1).SetProperty(m => m.TextBody, string.Empty), cancellationToken);
        if (won == 0)
            return;
        var subscriptions = await db.WebhookSubscriptions.IgnoreQueryFilters(Tenant).AsNoTracking()
            .Where(s => s.OrganizationId == message.OrganizationId && s.DisabledAt == null).ToListAsync(cancellationToken);
        foreach (var subscription in subscriptions.Where(s => s.Receives(message.Subject)))
            db.WebhookDeliveries.Add(new WebhookDelivery(subscription.OrganizationId, subscription.Id, message.Subject, message.Recipient,
                message.Sequence, message.TextBody, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task<(int Candidates, int Delivered)> DeliverBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
        var now = clock.UtcNow;
        var candidates = await Due(db, db.WebhookDeliveries.IgnoreQueryFilters(Tenant), now)
            .OrderBy(d => d.Sequence).Select(d => d.Id).Take(options.CurrentValue.BatchSize)
            .ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var id in candidates)
        {
            now = clock.UtcNow;
            var leaseUntil = now.AddSeconds(options.CurrentValue.LeaseSeconds);
            var won = await Due(db, db.WebhookDeliveries.IgnoreQueryFilters(Tenant).Where(d => d.Id == id), now)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, Id).SetProperty(d => d.LeaseUntil, leaseUntil), cancellationToken);
            if (won == 0)
                continue;
            var delivery = await db.WebhookDeliveries.IgnoreQueryFilters(Tenant).AsNoTracking().SingleAsync(d => d.Id == id, cancellationToken);
            var subscription = await db.WebhookSubscriptions.IgnoreQueryFilters(Tenant).AsNoTracking()
                .SingleAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
            if (await SendAsync(db, delivery, subscription, cancellationToken))
                delivered++;
        }
        return (candidates.Count, delivered);
    }

    /// <summary>
    /// Pending, due, not leased, to an enabled subscription, and the first pending one of its resource for that
    /// subscription: a later event of a resource waits while an earlier one is being retried (in order per resource).
    /// </summary>
    private static IQueryable<WebhookDelivery> Due(OkrDbContext db, IQueryable<WebhookDelivery> deliveries, DateTimeOffset now) =>
        deliveries.Where(d => d.State == WebhookDeliveryState.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil <= now)
            && db.WebhookSubscriptions.IgnoreQueryFilters(Tenant).Any(s => s.Id == d.SubscriptionId && s.DisabledAt == null)
            && !db.WebhookDeliveries.IgnoreQueryFilters(Tenant).Any(e => e.SubscriptionId == d.SubscriptionId && e.ResourceKey == d.ResourceKey
                && e.State == WebhookDeliveryState.Pending && e.Sequence < d.Sequence));

    private async Task<bool> SendAsync(OkrDbContext db, WebhookDelivery delivery, WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        var attempts = delivery.Attempts + 1;
        var mine = db.WebhookDeliveries.IgnoreQueryFilters(Tenant).Where(d => d.Id == delivery.Id && d.ClaimedBy == Id);
        int? status = null;
        string? body = null;
        string? error;
        try
        {
            using var request = Request(delivery, subscription);
            using var client = httpClients.CreateClient(HttpClientName);
            client.Timeout = TimeSpan.FromSeconds(options.CurrentValue.TimeoutSeconds);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            status = (int)response.StatusCode;
            body = await ExcerptAsync(response, cancellationToken);
            error = response.IsSuccessStatusCode ? null : $"HTTP {status}";
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = ex is TaskCanceledException ? $"No answer within {options.CurrentValue.TimeoutSeconds} s" : $"{ex.GetType().Name}: {ex.Message}";
        }

        var now = clock.UtcNow;
        if (error is null)
        {
            await mine.ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Attempts, attempts).SetProperty(d => d.State, WebhookDeliveryState.Delivered)
                .SetProperty(d => d.LastAttemptAt, now).SetProperty(d => d.DeliveredAt, now)
                .SetProperty(d => d.ResponseStatus, status).SetProperty(d => d.ResponseBody, body).SetProperty(d => d.LastError, (string?)null)
                .SetProperty(d => d.ClaimedBy, (Guid?)null).SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
            LogDelivered(logger, delivery.Id, delivery.EventType, subscription.Id, attempts, status!.Value);
            return true;
        }

        var (state, next) = WebhookDelivery.AfterFailure(attempts, now);
        error = WebhookDelivery.Excerpt(error, WebhookDelivery.ErrorLength);
        await mine.ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Attempts, attempts).SetProperty(d => d.State, state).SetProperty(d => d.NextAttemptAt, next)
            .SetProperty(d => d.LastAttemptAt, now).SetProperty(d => d.ResponseStatus, status).SetProperty(d => d.ResponseBody, body)
            .SetProperty(d => d.LastError, error)
            .SetProperty(d => d.ClaimedBy, (Guid?)null).SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (state == WebhookDeliveryState.Failed)
        {
            LogGivenUp(logger, delivery.Id, delivery.EventType, subscription.Id, attempts, error);
            await DisableAsync(subscription.Id, error, now, cancellationToken);
        }
        else
            LogFailed(logger, delivery.Id, delivery.EventType, subscription.Id, attempts, error, next);
        return false;
    }

    /// <summary>The POST: the payload, and the Standard Webhooks headers signed with every secret that signs now.</summary>
    private HttpRequestMessage Request(WebhookDelivery delivery, WebhookSubscription subscription)
    {
        var timestamp = machineTime.GetUtcNow().ToUnixTimeSeconds();
        var signingSecrets = subscription.SigningSecrets(clock.UtcNow).Select(secrets.Unprotect);
        var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", delivery.MessageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSigner.Sign(delivery.MessageId, timestamp, delivery.Payload, signingSecrets));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Okr-Webhooks", "1"));
        return request;
    }

    private static async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[WebhookDelivery.ResponseExcerptLength * 4];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
            read += n;
        return WebhookDelivery.Excerpt(Encoding.UTF8.GetString(buffer, 0, read), WebhookDelivery.ResponseExcerptLength);
    }

    /// <summary>Disables a subscription after persistent failure and mails the organisation's admins, in one save.</summary>
    private async Task DisableAsync(Guid subscriptionId, string lastError, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
        var subscription = await db.WebhookSubscriptions.IgnoreQueryFilters(Tenant).SingleOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        if (subscription is not { IsEnabled: true })
            return;
        subscription.Disable("Every attempt to deliver an event failed for more than a day.", now);
        var organizationName = await db.Organizations.IgnoreQueryFilters(Tenant).Where(o => o.Id == subscription.OrganizationId)
            .Select(o => o.Name).SingleAsync(cancellationToken);
        var admins = await db.People.IgnoreQueryFilters(Tenant).AsNoTracking()
            .Where(p => p.OrganizationId == subscription.OrganizationId && p.Role == OrganizationRole.Admin && p.IsActive
                        && !db.ServiceAccounts.IgnoreQueryFilters(Tenant).Any(a => a.PersonId == p.Id))
            .ToListAsync(cancellationToken);
        foreach (var admin in admins)
            db.OutboxMessages.Add(Emails.WebhookDisabled(admin, organizationName, subscription.Url, lastError, links.Spa("/admin?tab=integrations"), now));
        await db.SaveChangesAsync(cancellationToken);
        LogDisabled(logger, subscription.Id, admins.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} ({EventType}) to subscription {SubscriptionId} delivered on attempt {Attempt}: HTTP {Status}")]
    private static partial void LogDelivered(ILogger logger, Guid deliveryId, string eventType, Guid subscriptionId, int attempt, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} ({EventType}) to subscription {SubscriptionId} failed on attempt {Attempt}: {Error}; next attempt at {NextAttemptAt:O}")]
    private static partial void LogFailed(ILogger logger, Guid deliveryId, string eventType, Guid subscriptionId, int attempt, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} ({EventType}) to subscription {SubscriptionId} failed on attempt {Attempt}: {Error}; given up")]
    private static partial void LogGivenUp(ILogger logger, Guid deliveryId, string eventType, Guid subscriptionId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook subscription {SubscriptionId} disabled after persistent failure; {Admins} admins told")]
    private static partial void LogDisabled(ILogger logger, Guid subscriptionId, int admins);
}
