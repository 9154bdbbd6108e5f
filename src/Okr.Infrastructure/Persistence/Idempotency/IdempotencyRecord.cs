namespace Okr.Infrastructure.Persistence.Idempotency;

/// <summary>
/// One <c>Idempotency-Key</c> of one caller in one organisation (ADR 0027): claimed before the request runs (no
/// <see cref="CompletedAt"/>), completed with the answer after, so every replica agrees through the unique index.
/// </summary>
public sealed class IdempotencyRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>The caller's sign-in identity (a person's or a service account's).</summary>
    public Guid UserId { get; init; }
    /// <summary>The caller's organisation; <see cref="Guid.Empty"/> for a caller who has none yet.</summary>
    public Guid OrganizationId { get; init; }
    public string Key { get; init; } = string.Empty;
    /// <summary>SHA-256 of the method, path and body: the same key with another request is refused.</summary>
    public string RequestHash { get; init; } = string.Empty;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }
    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public string? Body { get; set; }
}
