using Okr.Domain.Common;

namespace Okr.Domain.Webhooks;

/// <summary>
/// An HTTPS endpoint of another system that receives the organisation's events of the types it names, signed as the
/// Standard Webhooks specification says with a secret the server made (ADR 0030). The secret is stored encrypted (the
/// caller protects it; the domain never sees it in clear); after a rotation the previous one keeps signing, beside the
/// new one, until <see cref="PreviousSecretExpiresAt"/>. A subscription whose deliveries fail for a day is disabled.
/// </summary>
public sealed class WebhookSubscription : TenantAggregate
{
    public const int MaxEventTypes = 32;
    public static readonly TimeSpan LongestOverlap = TimeSpan.FromDays(7);

    private WebhookSubscription() { Url = EventTypes = ProtectedSecret = string.Empty; }

    public WebhookSubscription(Guid organizationId, string url, string? description, IReadOnlyCollection<string> eventTypes, string protectedSecret,
        Guid createdById, DateTimeOffset now) : base(organizationId)
    {
        Url = Guard.Text(url, "Url", TextLimits.Url);
        Description = Guard.OptionalText(description, "Description", TextLimits.Title);
        EventTypes = JoinTypes(eventTypes);
        ProtectedSecret = Guard.Text(protectedSecret, "Secret", int.MaxValue);
        CreatedById = createdById;
        CreatedAt = now;
    }

    public string Url { get; private set; }
    public string? Description { get; private set; }
    /// <summary>The event types it receives, comma-separated (<see cref="Types"/> reads them).</summary>
    public string EventTypes { get; private set; }
    /// <summary>The signing secret (<c>whsec_…</c>), encrypted with ASP.NET Core Data Protection.</summary>
    public string ProtectedSecret { get; private set; }
    /// <summary>The secret before the last rotation, encrypted, still signing until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousProtectedSecret { get; private set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }
    public DateTimeOffset? SecretRotatedAt { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>When it stopped receiving (by an admin, or after persistent failure); null while enabled.</summary>
    public DateTimeOffset? DisabledAt { get; private set; }
    public string? DisabledReason { get; private set; }

    public bool IsEnabled => DisabledAt is null;

    public IReadOnlyList<string> Types => EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool Receives(string eventType) => eventType == WebhookEventTypes.Test || Types.Contains(eventType, StringComparer.Ordinal);

    public void Change(string url, string? description, IReadOnlyCollection<string> eventTypes)
    {
        Url = Guard.Text(url, "Url", TextLimits.Url);
        Description = Guard.OptionalText(description, "Description", TextLimits.Title);
        EventTypes = JoinTypes(eventTypes);
    }

    public void Disable(string reason, DateTimeOffset now)
    {
        if (DisabledAt is not null)
            return;
        DisabledAt = now;
        DisabledReason = Guard.Text(reason, "Reason", TextLimits.Title);
    }

    public void Enable()
    {
        DisabledAt = null;
        DisabledReason = null;
    }

    /// <summary>A new secret signs from now on; the current one also signs until <paramref name="overlap"/> has passed.</summary>
    public void RotateSecret(string protectedSecret, TimeSpan overlap, DateTimeOffset now)
    {
        if (overlap < TimeSpan.Zero || overlap > LongestOverlap)
            throw new DomainRuleException("webhook.overlap_out_of_range", $"The overlap is between 0 and {LongestOverlap.TotalHours} hours.");
        PreviousProtectedSecret = overlap > TimeSpan.Zero ? ProtectedSecret : null;
        PreviousSecretExpiresAt = overlap > TimeSpan.Zero ? now + overlap : null;
        ProtectedSecret = Guard.Text(protectedSecret, "Secret", int.MaxValue);
        SecretRotatedAt = now;
    }

    /// <summary>The encrypted secrets that sign a message sent at <paramref name="now"/>: the current one, and the previous one during its overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousProtectedSecret is { } previous && PreviousSecretExpiresAt is { } until && now < until
            ? [ProtectedSecret, previous]
            : [ProtectedSecret];

    private static string JoinTypes(IReadOnlyCollection<string> eventTypes)
    {
        var types = eventTypes.Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (types.Count == 0)
            throw new DomainRuleException("webhook.no_event_types", "Choose at least one event type.");
        if (types.FirstOrDefault(t => !WebhookEventTypes.IsKnown(t)) is { } unknown)
            throw new DomainRuleException("webhook.unknown_event_type", $"'{unknown}' is not an event type.");
        return string.Join(',', types.Order(StringComparer.Ordinal));
    }
}
