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

    private static bool TakesJsonBody(HttpRequest request, EndpointDataSource endpoints)
    {
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is null
                || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods
                || !methods.HttpMethods.Contains(request.Method, StringComparer.OrdinalIgnoreCase)
                || endpoint.RoutePattern.RawText is not { } pattern)
                continue;
            var matcher = new TemplateMatcher(TemplateParser.Parse(pattern.TrimStart('/')), []);
            if (matcher.TryMatch(request.Path, []))
                return true;
        }
        return false;
    }
}
