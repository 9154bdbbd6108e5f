using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Okr.Infrastructure.Identity;

namespace Okr.Api.Endpoints;

/// <summary>/api/auth: ASP.NET Core Identity's endpoints, plus sign-out for the SPA's cookie.</summary>
public static class AuthEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Auth");
        group.MapIdentityApi<AppUser>();
        group.MapPost("/logout", Logout)
            .WithName(nameof(Logout))
            .WithSummary("Sign out: clears the SPA's authentication cookie (bearer tokens simply expire).");
    }

    public static async Task<NoContent> Logout(SignInManager<AppUser> signInManager)
    {
        await signInManager.SignOutAsync();
        return TypedResults.NoContent();
    }
}
