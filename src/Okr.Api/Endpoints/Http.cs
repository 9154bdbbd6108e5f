using Microsoft.Net.Http.Headers;
using Microsoft.AspNetCore.Http.HttpResults;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;

namespace Okr.Api.Endpoints;

/// <summary>ETag and If-Match: the aggregate's version, quoted.</summary>
public static class Http
{
    /// <summary>The version the caller read, from If-Match; null when absent or "*".</summary>
    public static long? IfMatch(HttpContext context)
    {
        var header = context.Request.Headers[HeaderNames.IfMatch].ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
            return null;
        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        value = value.Trim('"');
        return long.TryParse(value, out var version) && version >= 0
            ? version
            : throw new ConcurrencyException($"If-Match '{header}' is not an ETag this API issued (it looks like \"3\").");
    }

    public static void SetETag(HttpContext context, long version) =>
        context.Response.Headers[HeaderNames.ETag] = $"\"{version}\"";

    /// <summary>200 with the representation and its ETag.</summary>
    public static Ok<T> Versioned<T>(HttpContext context, T dto) where T : IVersionedDto
    {
        SetETag(context, dto.Version);
        return TypedResults.Ok(dto);
    }

    /// <summary>201 with the representation, its Location and its ETag.</summary>
    public static Created<T> Created<T>(HttpContext context, string location, T dto) where T : IVersionedDto
    {
        SetETag(context, dto.Version);
        return TypedResults.Created(location, dto);
    }
}
