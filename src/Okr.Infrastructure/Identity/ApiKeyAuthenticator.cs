using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;
using Okr.Application.ServiceAccounts;
using Okr.Domain.Organizations;
using Okr.Infrastructure.Persistence;

namespace Okr.Infrastructure.Identity;

/// <summary>Who a presented API key is: its service account's identity and scope (ADR 0027).</summary>
public sealed record ApiKeyCaller(Guid UserId, string SecurityStamp, Guid ServiceAccountId, ServiceAccountScope Scope, Guid? UnitId);

/// <summary>
/// Finds the key by its public id (one indexed read, across organisations: the key decides the organisation), compares
/// the secret's hash in constant time, and refuses revoked and expired keys and disabled accounts. Records the last use
/// at most once a minute, so a busy integration does not write on every request.
/// </summary>
public sealed class ApiKeyAuthenticator(OkrDbContext db, IClock clock)
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<ApiKeyCaller?> AuthenticateAsync(string key, CancellationToken cancellationToken)
    {
        if (!ApiKeySecrets.TryParse(key, out var publicId, out var secret))
            return null;
        var row = await (
                from apiKey in db.ApiKeys.IgnoreQueryFilters()
                join account in db.ServiceAccounts.IgnoreQueryFilters() on apiKey.ServiceAccountId equals account.Id
                join person in db.People.IgnoreQueryFilters() on account.PersonId equals person.Id
                join user in db.Users on person.UserId equals user.Id
                where apiKey.PublicId == publicId
                select new
                {
                    apiKey.Id, apiKey.SecretHash, apiKey.RevokedAt, apiKey.ExpiresAt, apiKey.LastUsedAt,
                    AccountId = account.Id, account.Scope, account.UnitId, account.DisabledAt,
                    person.IsActive, UserId = user.Id, user.SecurityStamp,
                })
            .AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var now = clock.UtcNow;
        if (row is null || !ApiKeySecrets.Matches(secret, row.SecretHash)
            || row.RevokedAt is not null || (row.ExpiresAt is { } expiry && now >= expiry) || row.DisabledAt is not null || !row.IsActive)
            return null;

        if (row.LastUsedAt is not { } lastUsed || now - lastUsed >= LastUsedResolution)
            await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == row.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        return new ApiKeyCaller(row.UserId, row.SecurityStamp ?? string.Empty, row.AccountId, row.Scope, row.UnitId);
    }
}
