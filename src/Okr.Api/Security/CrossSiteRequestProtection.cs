namespace Okr.Api.Security;

/// <summary>
/// CSRF protection (ADR 0016): a write that the browser authenticates with the session cookie must carry
/// <c>X-Requested-With</c> (a header a cross-site form cannot send, and a cross-site script cannot send without a CORS
/// preflight the API never grants) and, when the browser names an Origin, come from this site. Requests with a bearer
/// token are exempt: a browser never attaches one by itself.
/// </summary>
public static class CrossSiteRequestProtection
{
    public const string Header = "X-Requested-With";

    /// <summary>GraphQL over HTTP's own proof of a preflighted request, accepted as well.</summary>
    public const string GraphQLPreflightHeader = "GraphQL-Require-Preflight";

    /// <summary>The cookie of <see cref="Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme"/>.</summary>
    public const string SessionCookie = ".AspNetCore.Identity.Application";

    public static IApplicationBuilder UseCrossSiteRequestProtection(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (IsSafe(request.Method) || IsBearer(request) || !request.Cookies.ContainsKey(SessionCookie))
            {
                await next(context);
                return;
            }
            if ((request.Headers[Header].Count == 0 && request.Headers[GraphQLPreflightHeader].Count == 0) || !FromThisSite(request))
            {
                await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                        title: $"Cross-site request refused: writes signed in with the session cookie must come from this site with the {Header} header.")
                    .ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    /// <summary>
    /// Only a bearer token exempts: a browser attaches Basic or Negotiate credentials by itself, and with them the
    /// request would still be authenticated by the cookie.
    /// </summary>
    private static bool IsBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    private static bool FromThisSite(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
               || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}
