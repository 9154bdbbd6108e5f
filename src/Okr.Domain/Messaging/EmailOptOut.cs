using Okr.Domain.Common;

namespace Okr.Domain.Messaging;

/// <summary>
/// A person turned off one kind of email (<c>business-review</c>, …), by the unsubscribe link of such an email
/// (RFC 8058 one-click or the page it opens). Unique per person and kind: unsubscribing twice changes nothing (ADR 0029).
/// </summary>
public sealed class EmailOptOut : TenantEntity
{
    private EmailOptOut() { Kind = string.Empty; }

    public EmailOptOut(Guid organizationId, Guid personId, string kind, DateTimeOffset now) : base(organizationId)
    {
        Guard.NotEmpty(personId, nameof(PersonId));
        PersonId = personId;
        Kind = Guard.Text(kind, nameof(Kind), TextLimits.Code);
        CreatedAt = now;
    }

    public Guid PersonId { get; private init; }
    /// <summary>The outbox message kind no longer sent to the person.</summary>
    public string Kind { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
}
