using Microsoft.Net.Http.Headers;

namespace Okr.Api.GraphQL.Http;

/// <summary>Response media types of the GraphQL-over-HTTP specification, and how a request's Accept header picks one.</summary>
internal static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The media type to answer with: the one the client prefers among the two we speak. No Accept header, or only
    /// wildcards, means application/json (what every client understands); null means nothing acceptable (406).
    /// </summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
            return Json;
        var graphQL = Quality(accept, GraphQLResponse);
        var json = Quality(accept, Json);
        if (graphQL <= 0 && json <= 0)
            return null;
        // Asked for by name, and liked at least as much: the specific type wins over application/json and wildcards.
        var named = accept.Any(a => a.MediaType.Equals(GraphQLResponse, StringComparison.OrdinalIgnoreCase));
        return named && graphQL >= json ? GraphQLResponse : json > 0 ? Json : GraphQLResponse;
    }

    /// <summary>The quality the most specific matching range gives a media type; 0 when none matches.</summary>
    private static double Quality(IList<MediaTypeHeaderValue> accept, string mediaType)
    {
        MediaTypeHeaderValue? match = null;
        var specificity = -1;
        foreach (var range in accept)
        {
            if (range.Charset.HasValue && !range.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
                continue;
            var level = range.MatchesAllTypes ? 0
                : range.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase) ? 2
                : range.MatchesAllSubTypes && range.Type.Equals("application", StringComparison.OrdinalIgnoreCase) ? 1
                : -1;
            if (level > specificity)
            {
                match = range;
                specificity = level;
            }
        }
        return match is null ? 0 : match.Quality ?? 1;
    }

    /// <summary>A POST body must be JSON (UTF-8): anything else is refused, which also keeps HTML forms (CSRF) out.</summary>
    public static bool IsJsonBody(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
        && (!type.Charset.HasValue || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
}
