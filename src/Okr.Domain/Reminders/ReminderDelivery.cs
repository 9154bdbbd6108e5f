using Okr.Domain.Common;

namespace Okr.Domain.Reminders;

/// <summary>
/// A reminder that went into the outbox: one row per recipient, subject person (the DRI; the recipient themself but
/// for escalations), cycle and kind, unique in the database, written in the same save as its outbox message, so a
/// retry or a second replica can never send it twice (ADR 0025).
/// </summary>
public sealed class ReminderDelivery : TenantEntity
{
    private ReminderDelivery() { }

    public ReminderDelivery(Guid organizationId, Guid recipientId, Guid subjectPersonId, DateOnly cycle, ReminderKind kind,
        Guid outboxMessageId, DateTimeOffset now) : base(organizationId)
    {
        RecipientId = recipientId;
        SubjectPersonId = subjectPersonId;
        Cycle = cycle;
        Kind = kind;
        OutboxMessageId = outboxMessageId;
        CreatedAt = now;
    }

    public Guid RecipientId { get; private set; }
    public Guid SubjectPersonId { get; private set; }
    /// <summary>The local date the subject person's cycle started.</summary>
    public DateOnly Cycle { get; private set; }
    public ReminderKind Kind { get; private set; }
    public Guid OutboxMessageId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
