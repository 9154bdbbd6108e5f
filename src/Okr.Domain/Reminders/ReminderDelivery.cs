using Okr.Domain.Common;
using Okr.Domain.Notifications;

namespace Okr.Domain.Reminders;

/// <summary>
/// A reminder that went into the outbox: one row per recipient, subject person (the DRI; the recipient themself but
/// for escalations), cycle and kind, unique in the database, written in the same save as its outbox message, so a
/// retry or a second replica can never send it twice (ADR 0025). Its recipient's inbox hears of it too (ADR 0028); a
/// person who turned reminder emails off has a delivery with no message.
/// </summary>
public sealed class ReminderDelivery : TenantEntity
{
    private ReminderDelivery() { }

    public ReminderDelivery(Guid organizationId, Guid recipientId, Guid subjectPersonId, DateOnly cycle, ReminderKind kind,
        Guid? outboxMessageId, int keyResultCount, DateTimeOffset now) : base(organizationId)
    {
        RecipientId = recipientId;
        SubjectPersonId = subjectPersonId;
        Cycle = cycle;
        Kind = kind;
        OutboxMessageId = outboxMessageId;
        CreatedAt = now;
        Raise(new ReminderSent(recipientId, subjectPersonId, cycle, kind, keyResultCount));
    }

    public Guid RecipientId { get; private set; }
    public Guid SubjectPersonId { get; private set; }
    /// <summary>The local date the subject person's cycle started.</summary>
    public DateOnly Cycle { get; private set; }
    public ReminderKind Kind { get; private set; }
    /// <summary>The email, unless the recipient turned reminder emails off.</summary>
    public Guid? OutboxMessageId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
