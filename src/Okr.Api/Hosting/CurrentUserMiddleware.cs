using System.Security.Claims;
using Okr.Infrastructure.Identity;

namespace Okr.Api.Hosting;

/// <summary>
/// After authentication, resolves who the caller is in the organisation, once per request. A token or cookie whose
/// session has ended (see <see cref="CurrentUserResolver"/>) leaves the request anonymous: protected endpoints answer 401.
/// </summary>
internal static class CurrentUserMiddleware
{
    public static IApplicationBuilder UseCurrentUser(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!await context.RequestServices.GetRequiredService<CurrentUserResolver>().ResolveAsync(context.User, context.RequestAborted))
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            await next(context);
        });
}
