using Okr.Domain.Common;
using Okr.Domain.Organizations;

namespace Okr.Domain.Messaging;

/// <summary>Where a message of the outbox stands.</summary>
public enum OutboxState
{
    /// <summary>Waiting to be sent, or to be tried again after a failure.</summary>
    Pending,
    /// <summary>Handed to the mail server.</summary>
    Sent,
    /// <summary>Given up after <see cref="OutboxMessage.MaxAttempts"/> failures; stays visible with its last error.</summary>
    Failed,
}

/// <summary>What an outbox message is for.</summary>
public enum OutboxChannel
{
    /// <summary>An email, sent by the outbox dispatcher.</summary>
    Email,
    /// <summary>
    /// An event for the organisation's webhook subscriptions: the webhook dispatcher turns it into one delivery per
    /// subscription that receives its type (ADR 0030). <see cref="OutboxMessage.Subject"/> holds the event type,
    /// <see cref="OutboxMessage.Recipient"/> the resource whose events go in order, the text body the JSON payload.
    /// </summary>
    Webhook,
}

/// <summary>
/// An email (or a webhook event, see <see cref="OutboxChannel"/>) waiting to go out, written in the same transaction as the change that causes it (an invitation, a
/// registration), so it is sent if and only if that change committed. A dispatcher claims it with a lease (only one
/// replica sends it), tries to send it, and records the outcome; failures are tried again with a growing delay.
/// The bodies carry one-time links, so they are erased once the message is sent: what stays is who, what and when.
/// </summary>
public sealed class OutboxMessage : Entity
{
    public const int MaxAttempts = 10;
    public const int ErrorLength = 2000;
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestRetryDelay = TimeSpan.FromHours(6);

    private OutboxMessage() { Kind = Recipient = Subject = TextBody = string.Empty; }

    public OutboxMessage(string kind, string recipient, string subject, string textBody, string? htmlBody, Guid? organizationId, DateTimeOffset now)
    {
        Kind = Guard.Text(kind, nameof(Kind), TextLimits.Code);
        Recipient = EmailAddress.Normalize(recipient);
        Subject = Guard.Text(subject, nameof(Subject), TextLimits.Title);
        TextBody = Guard.Text(textBody, nameof(TextBody), int.MaxValue);
        HtmlBody = htmlBody;
        OrganizationId = organizationId;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    /// <summary>A webhook event, written in the same save as the change it tells of.</summary>
    public static OutboxMessage WebhookEvent(Guid organizationId, string eventType, string resourceKey, long sequence, string payload, DateTimeOffset now) =>
        new()
        {
            Channel = OutboxChannel.Webhook,
            Kind = "webhook-event",
            Recipient = Guard.Text(resourceKey, "Resource", TextLimits.Code),
            Subject = Guard.Text(eventType, "Event type", TextLimits.Code),
            TextBody = payload,
            OrganizationId = organizationId,
            Sequence = sequence,
            CreatedAt = now,
            NextAttemptAt = now,
        };

    public OutboxChannel Channel { get; private set; }
    /// <summary>For a webhook event: its place in the order of events (see <see cref="Webhooks.WebhookDelivery.Sequence"/>).</summary>
    public long Sequence { get; private set; }

    /// <summary>What the message is (<c>invitation</c>, <c>password-reset</c>, …): templates and the admin page read it.</summary>
    public string Kind { get; private set; }
    public string Recipient { get; private set; }
    public string Subject { get; private set; }
    public string TextBody { get; private set; }
    public string? HtmlBody { get; private set; }
    /// <summary>The organisation the message speaks for, when there is one (an account's own mail has none).</summary>
    public Guid? OrganizationId { get; private set; }
    public OutboxState State { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Not tried before this instant (now when written, later after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    /// <summary>The dispatcher that holds the message, until <see cref="LeaseUntil"/>; another may take it after that.</summary>
    public Guid? ClaimedBy { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }
    /// <summary>
    /// For mail a person subscribed to (a business review): the one-click unsubscribe URL sent in the
    /// <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c> headers (RFC 8058). Erased with the bodies once sent.
    /// </summary>
    public string? ListUnsubscribeUrl { get; private set; }

    /// <summary>Offers one-click unsubscribing from this kind of mail at <paramref name="url"/> (an https or http URL receiving a POST).</summary>
    public OutboxMessage WithListUnsubscribe(string url)
    {
        ListUnsubscribeUrl = Guard.Text(url, nameof(ListUnsubscribeUrl), TextLimits.Url);
        return this;
    }

    /// <summary>
    /// An admin asks for another try: a failed message is pending again, due now (a sent one is not sent twice).
    /// A dispatcher's lease on it stays, so a send in progress is not doubled.
    /// </summary>
    public void RetryNow(DateTimeOffset now)
    {
        if (State == OutboxState.Sent)
            throw new DomainRuleException("outbox.already_sent", "This message was sent already.");
        State = OutboxState.Pending;
        NextAttemptAt = now;
    }

    /// <summary>
    /// How long to wait after the given number of failed attempts: one minute, doubled each time, at most six hours
    /// (1, 2, 4, … 256 minutes, then 6 hours).
    /// </summary>
    public static TimeSpan RetryDelay(int failedAttempts)
    {
        if (failedAttempts < 1)
            return TimeSpan.Zero;
        var exponent = Math.Min(failedAttempts - 1, 20);
        var delay = FirstRetryDelay * Math.Pow(2, exponent);
        return delay < LongestRetryDelay ? delay : LongestRetryDelay;
    }

    /// <summary>Where a failed attempt leaves the message: pending again later, or failed for good after the last attempt.</summary>
    public static (OutboxState State, DateTimeOffset NextAttemptAt) AfterFailure(int attemptsSoFar, DateTimeOffset now) =>
        attemptsSoFar >= MaxAttempts
            ? (OutboxState.Failed, now)
            : (OutboxState.Pending, now + RetryDelay(attemptsSoFar));

    /// <summary>An error as recorded: one line, at most <see cref="ErrorLength"/> characters.</summary>
    public static string ErrorText(string error)
    {
        var line = error.ReplaceLineEndings(" ").Trim();
        return line.Length <= ErrorLength ? line : line[..ErrorLength];
    }
}
