using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Okr.Api.Security;
using Okr.Infrastructure.Identity;

namespace Okr.Api.Endpoints;

/// <summary>
/// /api/auth: ASP.NET Core Identity's endpoints behind the sign-in protection (throttling, one answer whether an
/// account exists or not; ADR 0016), plus sign-out.
/// </summary>
public static class AuthEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Auth");
        // Input first: an email the size of a request body never becomes a throttle's key.
        group.MapGroup(string.Empty).AddEndpointFilter(IdentityInput.CheckAsync).ProtectSignIn().MapIdentityApi<AppUser>();
        group.MapPost("/logout", Logout)
            .WithName(nameof(Logout))
            .WithSummary("Sign out everywhere: ends the SPA's cookie and every bearer and refresh token of the caller.");
    }

    public static async Task<NoContent> Logout(SignInManager<AppUser> signInManager, UserManager<AppUser> users, HttpContext http)
    {
        // A new security stamp ends every session of the user: tokens carry the stamp they were issued with.
        if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } user)
            await users.UpdateSecurityStampAsync(user);
        await signInManager.SignOutAsync();
        return TypedResults.NoContent();
    }
}
