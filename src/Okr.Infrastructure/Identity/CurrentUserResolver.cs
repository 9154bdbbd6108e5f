using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okr.Domain.Organizations;
using Okr.Infrastructure.Persistence;

namespace Okr.Infrastructure.Identity;

/// <summary>Turns the authenticated principal into the scope's <see cref="CurrentUser"/>, with their organisation membership.</summary>
public sealed class CurrentUserResolver(CurrentUser currentUser, OkrDbContext db, IOptions<IdentityOptions> identityOptions)
{
    /// <returns>
    /// False when the principal's session has ended: its security stamp is no longer the user's (signed out, password
    /// changed or reset, refresh token replayed, account deactivated), or the user is gone. The caller then treats the
    /// request as anonymous, so a bearer token dies with its session instead of living on for its hour (ADR 0016).
    /// </returns>
    public async Task<bool> ResolveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            return true;

        // One read per request, by primary key: the session's stamp and the membership together (the membership decides
        // the tenant, so no tenant filter may apply). Exact on every instance, no cache to invalidate.
        var row = await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, Person = db.People.FirstOrDefault(p => p.UserId == u.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null || row.SecurityStamp != principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType))
            return false;

        currentUser.SignIn(userId, principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue(ClaimTypes.Name));
        if (row.Person is { IsActive: true } person)
            currentUser.JoinedAs(person);
        if (principal.Identity.AuthenticationType == ApiKeyClaims.AuthenticationType)
        {
            // Only the API key handler issues this identity; its scope bounds the service account (ADR 0027).
            if (!Enum.TryParse<ServiceAccountScope>(principal.FindFirstValue(ApiKeyClaims.Scope), out var scope))
                return false;
            currentUser.ActsAsServiceAccount(scope,
                Guid.TryParse(principal.FindFirstValue(ApiKeyClaims.UnitId), out var unitId) ? unitId : null);
        }
        return true;
    }
}

/// <summary>The claims of a caller authenticated by an API key.</summary>
public static class ApiKeyClaims
{
    public const string AuthenticationType = "ApiKey";
    public const string ServiceAccountId = "okr:service_account";
    public const string Scope = "okr:service_account_scope";
    public const string UnitId = "okr:service_account_unit";
}
