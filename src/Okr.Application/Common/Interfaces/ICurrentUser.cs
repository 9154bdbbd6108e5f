using Okr.Domain.Organizations;

namespace Okr.Application.Common.Interfaces;

/// <summary>
/// Who is calling: the signed-in identity and, when they belong to one, their organisation membership.
/// Resolved once per request by the host; nothing in Application reads the HTTP context.
/// </summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    Guid? UserId { get; }
    string? Email { get; }
    /// <summary>The person record in the caller's organisation; null for a user who has not joined one.</summary>
    Guid? PersonId { get; }
    Guid? OrganizationId { get; }
    OrganizationRole? Role { get; }

    bool IsAdmin => Role == OrganizationRole.Admin;

    /// <summary>The scope of the service account calling with an API key; null for a person (ADR 0027).</summary>
    ServiceAccountScope? ServiceAccountScope { get; }
    /// <summary>The root of the subtree a check-in writer key writes to.</summary>
    Guid? ServiceAccountUnitId { get; }
}

/// <summary>The time, as a port, so rules and tests agree on "now".</summary>
public interface IClock
{
    DateTimeOffset UtcNow { get; }

    DateOnly Today => DateOnly.FromDateTime(UtcNow.UtcDateTime);
}
