using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okr.Application.Common.Interfaces;

namespace Okr.Infrastructure.Persistence.Idempotency;

/// <summary>What a request with an <c>Idempotency-Key</c> finds.</summary>
public abstract record IdempotencyClaim
{
    /// <summary>The key is new (or its record expired): run the request, then complete or release the claim.</summary>
    public sealed record Claimed(Guid RecordId) : IdempotencyClaim;
    /// <summary>The first request with this key finished: answer as it did.</summary>
    public sealed record Replay(IdempotencyRecord Record) : IdempotencyClaim;
    /// <summary>The first request with this key is still running.</summary>
    public sealed record InProgress : IdempotencyClaim;
    /// <summary>The key was used with another request.</summary>
    public sealed record KeyReused : IdempotencyClaim;
}

/// <summary>
/// Claims keys with an insert that the unique index (caller, organisation, key) lets only one request win, on any
/// replica; each step in a context of its own, outside the request's unit of work (ADR 0027).
/// </summary>
public sealed class IdempotencyStore(IServiceScopeFactory scopes, IClock clock)
{
    /// <summary>How long a key is remembered (Stripe's 24 hours).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public async Task<IdempotencyClaim> ClaimAsync(Guid userId, Guid organizationId, string key, string requestHash, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var now = clock.UtcNow;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
                var record = new IdempotencyRecord { UserId = userId, OrganizationId = organizationId, Key = key, RequestHash = requestHash, CreatedAt = now };
                db.IdempotencyRecords.Add(record);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return new IdempotencyClaim.Claimed(record.Id);
                }
                catch (DbUpdateException)
                {
                    // Taken: read what holds it below.
                }
            }

            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
                var existing = await db.IdempotencyRecords.AsNoTracking()
                    .FirstOrDefaultAsync(r => r.UserId == userId && r.OrganizationId == organizationId && r.Key == key, cancellationToken);
                if (existing is null)
                    continue;
                if (now - existing.CreatedAt >= Retention)
                {
                    await db.IdempotencyRecords.Where(r => r.Id == existing.Id).ExecuteDeleteAsync(cancellationToken);
                    continue;
                }
                // While the first request runs, any other with its key waits for it (409), whatever it carries.
                if (existing.CompletedAt is null)
                    return new IdempotencyClaim.InProgress();
                return existing.RequestHash == requestHash ? new IdempotencyClaim.Replay(existing) : new IdempotencyClaim.KeyReused();
            }
        }
        return new IdempotencyClaim.InProgress();
    }

    public async Task CompleteAsync(Guid recordId, int statusCode, string? contentType, string? location, string? etag, string body)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
        var now = clock.UtcNow;
        await db.IdempotencyRecords.Where(r => r.Id == recordId).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.CompletedAt, now)
            .SetProperty(r => r.StatusCode, statusCode)
            .SetProperty(r => r.ContentType, contentType)
            .SetProperty(r => r.Location, location)
            .SetProperty(r => r.ETag, etag)
            .SetProperty(r => r.Body, body));
    }

    /// <summary>Forgets a claim whose request failed, so a retry with the key runs again.</summary>
    public async Task ReleaseAsync(Guid recordId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
        await db.IdempotencyRecords.Where(r => r.Id == recordId).ExecuteDeleteAsync();
    }
}
