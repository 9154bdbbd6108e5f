using Okr.Domain.Organizations;

namespace Okr.Application.ServiceAccounts.Dtos;

/// <summary>A service account and its keys (never their secrets).</summary>
/// <param name="PersonId">The member it acts as: the audit trail and history name this person.</param>
/// <param name="UnitId">The root of the subtree a check-in writer writes to.</param>
public sealed record ServiceAccountDto(
    Guid Id,
    long Version,
    string Name,
    ServiceAccountScope Scope,
    Guid? UnitId,
    Guid PersonId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt,
    IReadOnlyList<ApiKeyDto> Keys) : Common.IVersionedDto;

/// <summary>An API key as listed: its public id (<c>okr_live_{PublicId}_…</c>) recognises it; the secret is never shown again.</summary>
public sealed record ApiKeyDto(
    Guid Id,
    string Name,
    string PublicId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);

/// <summary>A new API key: <see cref="Key"/> is the whole key, shown only this once (only a hash is stored).</summary>
public sealed record ApiKeyCreated(
    Guid Id,
    Guid ServiceAccountId,
    string Name,
    string PublicId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    string Key);

internal static class ServiceAccountMapping
{
    public static ApiKeyDto ToDto(this ApiKey key) =>
        new(key.Id, key.Name, key.PublicId, key.CreatedAt, key.ExpiresAt, key.LastUsedAt, key.RevokedAt);

    public static ServiceAccountDto ToDto(this ServiceAccount account, IEnumerable<ApiKey> keys) =>
        new(account.Id, account.Version, account.Name, account.Scope, account.UnitId, account.PersonId, account.CreatedAt, account.DisabledAt,
            keys.OrderBy(k => k.CreatedAt).Select(k => k.ToDto()).ToList());
}
