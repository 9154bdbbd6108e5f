using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;

namespace Okr.Api.Endpoints;

/// <summary>
/// What answers an /api request no operation took: 415 when an operation exists at this path and method but takes a
/// JSON body the request does not send (routing rejects it on its Content-Type before this fallback is chosen), else 404.
/// </summary>
internal static class UnmatchedApiRequest
{
    public static IResult Handle(HttpContext http, EndpointDataSource endpoints) =>
        TakesJsonBody(http.Request, endpoints)
            ? TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "This operation reads a JSON body.",
                detail: $"Send the body as application/json, not {(string.IsNullOrEmpty(http.Request.ContentType) ? "without a Content-Type" : http.Request.ContentType)}.")
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no API endpoint at this path.");

    private static bool TakesJsonBody(HttpRequest request, EndpointDataSource endpoints) =>
        JsonBodyRoutes(endpoints).Any(route => route.Methods.Contains(request.Method) && route.Matcher.TryMatch(request.Path, []));

    private static (IReadOnlyList<(HashSet<string> Methods, TemplateMatcher Matcher)> Routes, EndpointDataSource Source)? _cache;

    /// <summary>The operations that read a JSON body, with their parsed templates: built once, not per request.</summary>
    private static IReadOnlyList<(HashSet<string> Methods, TemplateMatcher Matcher)> JsonBodyRoutes(EndpointDataSource endpoints)
    {
        if (_cache is { } cached && ReferenceEquals(cached.Source, endpoints))
            return cached.Routes;
        var routes = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is not null && e.RoutePattern.RawText is not null)
            .Select(e => (Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [],
                Matcher: new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!.TrimStart('/')), [])))
            .Where(r => r.Methods.Count > 0)
            .ToList();
        _cache = (routes, endpoints);
        return routes;
    }
}
