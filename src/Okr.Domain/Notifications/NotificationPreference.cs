using Okr.Domain.Common;

namespace Okr.Domain.Notifications;

/// <summary>
/// A person's choice for one kind of notification: in the app, by email, both or neither. A person without a row for a
/// kind has <see cref="NotificationDefaults"/>.
/// </summary>
public sealed class NotificationPreference : TenantEntity, IPersonalRecord
{
    private NotificationPreference() { }

    public NotificationPreference(Guid organizationId, Guid personId, NotificationKind kind, bool inApp, bool email) : base(organizationId)
    {
        Guard.NotEmpty(personId, nameof(personId));
        PersonId = personId;
        Kind = kind;
        Change(inApp, email);
    }

    public Guid PersonId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public bool InApp { get; private set; }
    public bool Email { get; private set; }

    public void Change(bool inApp, bool email)
    {
        if (!Enum.IsDefined(Kind))
            throw new DomainRuleException("notification.kind", "Unknown kind of notification.");
        InApp = inApp;
        Email = email;
    }

    public bool Wants(NotificationChannel channel) => channel == NotificationChannel.Email ? Email : InApp;
}

/// <summary>
/// What a person gets before they choose: everything in the app; by email only what asks for them (a mention, a key
/// result of theirs going wrong, a grade overridden) and the reminders, which are email in the first place.
/// </summary>
public static class NotificationDefaults
{
    public static bool Wants(NotificationKind kind, NotificationChannel channel) => channel switch
    {
        NotificationChannel.InApp => true,
        _ => kind is NotificationKind.Reminder or NotificationKind.Mention or NotificationKind.StatusChanged or NotificationKind.Graded,
    };
}
