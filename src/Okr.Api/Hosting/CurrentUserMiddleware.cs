using Okr.Infrastructure.Identity;

namespace Okr.Api.Hosting;

/// <summary>After authentication, resolves who the caller is in the organisation, once per request.</summary>
internal static class CurrentUserMiddleware
{
    public static IApplicationBuilder UseCurrentUser(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await context.RequestServices.GetRequiredService<CurrentUserResolver>().ResolveAsync(context.User, context.RequestAborted);
            await next(context);
        });
}
