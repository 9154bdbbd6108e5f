using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Okr.Application.Common.Exceptions;
using Okr.Infrastructure.Persistence;

namespace Okr.Infrastructure.Identity;

/// <summary>
/// Rotating refresh tokens (ADR 0016): a refresh token is good for one exchange. The exchange claims it by inserting
/// its hash (the primary key decides between two racing exchanges, on every instance). A token presented a second time
/// was copied: the session family it belongs to is revoked by a new security stamp, which ends every access and refresh
/// token of the user — the thief's and the owner's alike; the owner signs in again.
/// </summary>
public sealed partial class RefreshTokenRotation(OkrDbContext db, UserManager<AppUser> users, TimeProvider time, ILogger<RefreshTokenRotation> logger)
{
    /// <returns>True when the token was unused and is now spent; false when it was replayed (and the family is revoked).</returns>
    public async Task<bool> SpendAsync(string refreshToken, Guid userId, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await db.Set<UsedRefreshToken>().Where(t => t.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);

        var spent = new UsedRefreshToken { TokenHash = hash, UserId = userId, ExpiresAt = expires.ToUnixTimeSeconds() };
        db.Set<UsedRefreshToken>().Add(spent);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(spent).State = EntityState.Detached;
            if (!await db.Set<UsedRefreshToken>().AnyAsync(t => t.TokenHash == hash, cancellationToken))
                throw;
        }

        LogReplay(userId);
        await RevokeAsync(userId, cancellationToken);
        return false;
    }

    /// <summary>
    /// Renews the user's stamp. Racing replays of one token renew it at once: the loser of that race reads the user again
    /// and renews it once more (the family ends either way), instead of answering 412 for a request that is a refusal.
    /// </summary>
    private async Task RevokeAsync(Guid userId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; await users.FindByIdAsync(userId.ToString()) is { } user; attempt++)
        {
            try
            {
                await users.UpdateSecurityStampAsync(user);
                return;
            }
            catch (ConcurrencyException) when (attempt < 5)
            {
                await db.Entry(user).ReloadAsync(cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A spent refresh token of user {UserId} was presented again: every session of the user is ended")]
    private partial void LogReplay(Guid userId);
}
