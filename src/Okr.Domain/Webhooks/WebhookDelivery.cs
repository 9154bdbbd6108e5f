using Okr.Domain.Common;

namespace Okr.Domain.Webhooks;

/// <summary>Where a delivery stands.</summary>
public enum WebhookDeliveryState
{
    /// <summary>Waiting to go, or to be tried again after a failure.</summary>
    Pending,
    /// <summary>The endpoint answered 2xx.</summary>
    Delivered,
    /// <summary>Given up after the last attempt of <see cref="WebhookDelivery.RetrySchedule"/>.</summary>
    Failed,
}

/// <summary>
/// One event on its way to one subscription, and its log: the request (the payload; the headers are derived from the
/// id and the attempt's time), the last answer's status and the start of its body, the attempts and the next one. Its id
/// is the message's <c>webhook-id</c>, the same on every attempt and on a redelivery, so a receiver can tell a repeat.
/// Deliveries of one resource to one subscription go in the order of <see cref="Sequence"/>: a later one waits while an
/// earlier one is pending (ADR 0030).
/// </summary>
public sealed class WebhookDelivery : TenantEntity
{
    public const int ResponseExcerptLength = 1000;
    public const int ErrorLength = 1000;

    /// <summary>
    /// The wait after each failed attempt (the schedule of Svix, the Standard Webhooks authors): 5 s, 5 min, 30 min, 2 h,
    /// 5 h, 10 h, 10 h; eight attempts over a little more than a day, then the delivery has failed.
    /// </summary>
    public static readonly IReadOnlyList<TimeSpan> RetrySchedule =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5),
        TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    public static int MaxAttempts => RetrySchedule.Count + 1;

    private WebhookDelivery() { EventType = ResourceKey = Payload = string.Empty; }

    public WebhookDelivery(Guid organizationId, Guid subscriptionId, string eventType, string resourceKey, long sequence, string payload, DateTimeOffset now)
        : base(organizationId)
    {
        SubscriptionId = subscriptionId;
        EventType = Guard.Text(eventType, "Event type", TextLimits.Code);
        ResourceKey = Guard.Text(resourceKey, "Resource", TextLimits.Code);
        Sequence = sequence;
        Payload = payload;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid SubscriptionId { get; private set; }
    public string EventType { get; private set; }
    /// <summary>The resource the event is about (<c>key_result:…</c>): deliveries of one resource go in order.</summary>
    public string ResourceKey { get; private set; }
    /// <summary>The order of the events, across the organisation (increasing as they were written).</summary>
    public long Sequence { get; private set; }
    /// <summary>The JSON body sent.</summary>
    public string Payload { get; private set; }
    public WebhookDeliveryState State { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public int? ResponseStatus { get; private set; }
    public string? ResponseBody { get; private set; }
    /// <summary>Why the last attempt failed, when it did (a status, a timeout, a refused address); one line.</summary>
    public string? LastError { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public Guid? ClaimedBy { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }

    /// <summary>The message id sent as <c>webhook-id</c>.</summary>
    public string MessageId => $"msg_{Id:N}";

    /// <summary>Where a failed attempt leaves a delivery: pending again after the schedule's wait, or failed after the last.</summary>
    public static (WebhookDeliveryState State, DateTimeOffset NextAttemptAt) AfterFailure(int attemptsSoFar, DateTimeOffset now) =>
        attemptsSoFar >= MaxAttempts ? (WebhookDeliveryState.Failed, now) : (WebhookDeliveryState.Pending, now + RetrySchedule[attemptsSoFar - 1]);

    /// <summary>Sends it again (same id and payload) as soon as the dispatcher runs; its log starts over.</summary>
    public void Redeliver(DateTimeOffset now)
    {
        State = WebhookDeliveryState.Pending;
        NextAttemptAt = now;
        Attempts = 0;
        LastError = null;
        DeliveredAt = null;
        ClaimedBy = null;
        LeaseUntil = null;
    }

    /// <summary>Text as recorded: one line, at most <paramref name="length"/> characters.</summary>
    public static string Excerpt(string text, int length)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= length ? line : line[..length];
    }
}
