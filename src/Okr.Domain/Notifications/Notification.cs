using Okr.Domain.Common;

namespace Okr.Domain.Notifications;

/// <summary>What a notification is about; each kind has its own preference per channel (<see cref="NotificationPreference"/>).</summary>
public enum NotificationKind
{
    /// <summary>A check-in reminder, nudge or escalation.</summary>
    Reminder = 0,
    /// <summary>Someone named you with @ in a comment.</summary>
    Mention = 1,
    /// <summary>A comment on an objective you own, lead or follow.</summary>
    Comment = 2,
    /// <summary>A key result you own or follow turned at risk or off track.</summary>
    StatusChanged = 3,
    /// <summary>An objective was aligned to yours.</summary>
    Aligned = 4,
    /// <summary>A grade on your objective or key result was overridden.</summary>
    Graded = 5,
}

/// <summary>Where a notification reaches a person.</summary>
public enum NotificationChannel
{
    InApp = 0,
    Email = 1,
}

/// <summary>
/// One entry of a person's in-app inbox (ADR 0028): written in the same save as the change that causes it, at most
/// once per recipient and event (a unique key on <see cref="RecipientId"/> and <see cref="EventId"/>), never to the
/// person who acted.
/// </summary>
public sealed class Notification : TenantEntity, IPersonalRecord
{
    public const int TextLength = 500;

    private Notification() { Text = Link = string.Empty; }

    public Notification(Guid organizationId, Guid recipientId, NotificationKind kind, Guid eventId, Guid? actorId,
        Guid? subjectObjectiveId, Guid? subjectKeyResultId, Guid? subjectCommentId, string text, string link, DateTimeOffset now)
        : base(organizationId)
    {
        Guard.NotEmpty(recipientId, nameof(recipientId));
        if (actorId == recipientId)
            throw new DomainRuleException("notification.own_action", "Nobody is notified of their own action.");
        RecipientId = recipientId;
        Kind = kind;
        EventId = eventId;
        ActorId = actorId;
        SubjectObjectiveId = subjectObjectiveId;
        SubjectKeyResultId = subjectKeyResultId;
        SubjectCommentId = subjectCommentId;
        Text = Shorten(text);
        Link = Guard.Text(link, "Link", TextLimits.Url);
        CreatedAt = now;
    }

    public Guid RecipientId { get; private set; }
    public NotificationKind Kind { get; private set; }
    /// <summary>The fact it tells of: one notification per recipient and event.</summary>
    public Guid EventId { get; private set; }
    /// <summary>Who acted; none for the product's own doings (reminders).</summary>
    public Guid? ActorId { get; private set; }
    // "Subject", not "ObjectiveId": a notification is the recipient's, not part of the objective's history.
    public Guid? SubjectObjectiveId { get; private set; }
    public Guid? SubjectKeyResultId { get; private set; }
    public Guid? SubjectCommentId { get; private set; }
    public string Text { get; private set; }
    /// <summary>Where in the SPA it leads, a path such as <c>/objectives/…</c>.</summary>
    public string Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>One line of at most <see cref="TextLength"/> characters, an ellipsis where cut.</summary>
    public static string Shorten(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= TextLength ? line : line[..(TextLength - 1)].TrimEnd() + "…";
    }
}
