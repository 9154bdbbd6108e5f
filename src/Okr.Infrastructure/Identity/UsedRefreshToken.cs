namespace Okr.Infrastructure.Identity;

/// <summary>
/// A refresh token that has been exchanged once (refresh tokens rotate: each one is good for one exchange; ADR 0016).
/// Only its SHA-256 is kept; the row can go once the token has expired.
/// </summary>
public sealed class UsedRefreshToken
{
    public required string TokenHash { get; init; }
    public required Guid UserId { get; init; }
    /// <summary>When the token expires, in Unix seconds (a plain number compares alike on every provider).</summary>
    public required long ExpiresAt { get; init; }
}
