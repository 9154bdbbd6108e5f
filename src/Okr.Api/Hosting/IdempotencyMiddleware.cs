using System.Security.Cryptography;
using System.Text;
using Okr.Application.Common.Interfaces;
using Okr.Infrastructure.Persistence.Idempotency;

namespace Okr.Api.Hosting;

/// <summary>
/// <c>Idempotency-Key</c> on every POST under /api, with Stripe's semantics (ADR 0027): the same key and request within
/// 24 hours replays the first answer with <c>Idempotent-Replayed: true</c>; the same key with another request is 422
/// <c>idempotency.key_reused</c>; while the first is still running, 409 <c>idempotency.in_progress</c>. Keys belong to
/// one caller in one organisation. Only answers below 500 are kept: a request that failed may be retried with its key.
/// </summary>
internal static class IdempotencyMiddleware
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.StartsWithSegments("/api")
                || !http.Request.Headers.TryGetValue(Header, out var values)
                // An empty header is no key: generated clients (the SPA's NSwag client) send the optional header empty.
                || string.IsNullOrWhiteSpace(values.ToString()))
            {
                await next(http);
                return;
            }
            var user = http.RequestServices.GetRequiredService<ICurrentUser>();
            if (user.UserId is not { } userId)
            {
                await next(http); // anonymous: the endpoint answers 401 (or is public and takes no key)
                return;
            }
            var key = values.ToString();
            if (key.Length > MaxKeyLength || key.Any(char.IsControl))
            {
                await Problem(http, StatusCodes.Status400BadRequest, "idempotency.key_invalid",
                    $"{Header} must be 1 to {MaxKeyLength} printable characters (a UUID is a good choice).");
                return;
            }

            var store = http.RequestServices.GetRequiredService<IdempotencyStore>();
            var claim = await store.ClaimAsync(userId, user.OrganizationId ?? Guid.Empty, key, await RequestHashAsync(http.Request), http.RequestAborted);
            switch (claim)
            {
                case IdempotencyClaim.KeyReused:
                    await Problem(http, StatusCodes.Status422UnprocessableEntity, "idempotency.key_reused",
                        $"This {Header} was used with another request: use a new key for a new request.");
                    return;
                case IdempotencyClaim.InProgress:
                    await Problem(http, StatusCodes.Status409Conflict, "idempotency.in_progress",
                        $"A request with this {Header} is still running: retry after it has finished.");
                    return;
                case IdempotencyClaim.Replay(var record):
                    await ReplayAsync(http, record);
                    return;
                case IdempotencyClaim.Claimed(var recordId):
                    await RunAndKeepAsync(http, next, store, recordId);
                    return;
            }
        });

    private static async Task RunAndKeepAsync(HttpContext http, RequestDelegate next, IdempotencyStore store, Guid recordId)
    {
        var original = http.Response.Body;
        using var captured = new MemoryStream();
        http.Response.Body = captured;
        try
        {
            await next(http);
        }
        catch
        {
            http.Response.Body = original;
            await store.ReleaseAsync(recordId);
            throw;
        }
        http.Response.Body = original;
        if (http.Response.StatusCode >= 500)
            await store.ReleaseAsync(recordId);
        else
            await store.CompleteAsync(recordId, http.Response.StatusCode, http.Response.ContentType,
                http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                http.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
                Encoding.UTF8.GetString(captured.GetBuffer(), 0, (int)captured.Length));
        captured.Position = 0;
        await captured.CopyToAsync(original, http.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext http, IdempotencyRecord record)
    {
        http.Response.StatusCode = record.StatusCode ?? StatusCodes.Status200OK;
        http.Response.Headers[ReplayedHeader] = "true";
        if (record.ContentType is not null)
            http.Response.ContentType = record.ContentType;
        if (record.Location is not null)
            http.Response.Headers.Location = record.Location;
        if (record.ETag is not null)
            http.Response.Headers.ETag = record.ETag;
        if (!string.IsNullOrEmpty(record.Body))
            await http.Response.WriteAsync(record.Body, http.RequestAborted);
    }

    /// <summary>SHA-256 of the method, path, query and body bytes: what "the same request" means.</summary>
    private static async Task<string> RequestHashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
            hash.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static Task Problem(HttpContext http, int status, string code, string detail) =>
        Results.Problem(detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code }).ExecuteAsync(http);
}
