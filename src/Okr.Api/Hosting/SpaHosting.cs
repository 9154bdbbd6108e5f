using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Okr.Api.Hosting;

/// <summary>
/// Serves the built SPA: from wwwroot when the image ships it there, else from client/dist of the source tree
/// (docs/decisions/0026). Vite names every file under <c>/assets</c> by a hash of its content and writes a brotli
/// (<c>.br</c>) and a gzip (<c>.gz</c>) copy beside it at build time: those are served as the client accepts them and
/// cached for a year as immutable; <c>index.html</c>, which names the current hashes, is revalidated on every load.
/// The client's routes fall back to index.html; any other path (a file, <c>/.well-known/…</c>, a reserved prefix) is a
/// 404 problem, never the SPA with 200.
/// </summary>
internal static class SpaHosting
{
    /// <summary>Where Vite puts the hashed files: the only ones cached as immutable.</summary>
    public const string AssetsPrefix = "/assets";

    public const string ImmutableCache = "public, max-age=31536000, immutable";
    public const string Revalidate = "no-cache";

    /// <summary>First segments that belong to the host, never to the client's router.</summary>
    private static readonly string[] ReservedSegments = ["api", "graphql", "swagger", "health", "assets"];

    /// <summary>The precompressed copies, best first: the encoding and the suffix of its file.</summary>
    private static readonly (string Encoding, string Suffix)[] Precompressed = [("br", ".br"), ("gzip", ".gz")];

    private const string EncodingItem = "Okr.Spa.ContentEncoding";

    public static string? FindSpaRoot(IWebHostEnvironment environment, IConfiguration configuration)
    {
        var candidates = new[]
        {
            configuration["Spa:Root"],
            environment.WebRootPath,
            Path.Combine(environment.ContentRootPath, "..", "..", "client", "dist"),
        };
        return candidates
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Select(c => Path.GetFullPath(c!))
            .FirstOrDefault(c => File.Exists(Path.Combine(c, "index.html")));
    }

    public static WebApplication MapSpa(this WebApplication app)
    {
        var root = FindSpaRoot(app.Environment, app.Configuration);
        if (root is null)
        {
            app.MapGet("/", () => Results.Text(
                "The SPA is not built. Run `npm ci && npm run build` in client/ (dotnet run does this when npm is available), or use the API at /swagger.",
                "text/plain")).ExcludeFromDescription();
            app.MapFallback("{*path}", NotFound).ExcludeFromDescription();
            return app;
        }

        var files = new PhysicalFileProvider(root);
        var types = new FileExtensionContentTypeProvider();
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.Use((context, next) => ChoosePrecompressed(context, next, files));
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // A .br or .gz copy is served as the file it compresses (ChoosePrecompressed only lets those through).
            ContentTypeProvider = new PrecompressedContentTypes(types),
            OnPrepareResponse = static file => PrepareResponse(file.Context),
        });
        // A path with a file extension that no file answered (routing chose no endpoint for it): 404, as a problem.
        app.Use((context, next) => context.GetEndpoint() is null ? NotFound().ExecuteAsync(context) : next(context));
        // Any other path (no extension: the static files leave those to routing) is the client's or a 404.
        var index = files.GetFileInfo("index.html");
        app.MapFallback("{*path:nonfile}", (RequestDelegate)(context => IsClientRoute(context.Request)
                ? SendIndexAsync(context, index)
                : NotFound().ExecuteAsync(context)))
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// A path the client's router owns: read with GET or HEAD, no segment starting with a dot (<c>/.well-known</c>,
    /// <c>/.git</c>), no file extension in the last segment, and not under a prefix of the host.
    /// </summary>
    internal static bool IsClientRoute(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            return false;
        var segments = (request.Path.Value ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s.StartsWith('.')))
            return false;
        if (segments.Length > 0 && (ReservedSegments.Contains(segments[0], StringComparer.OrdinalIgnoreCase) || Path.HasExtension(segments[^1])))
            return false;
        return true;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is nothing at this path.");

    private static async Task SendIndexAsync(HttpContext context, IFileInfo index)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = Revalidate;
        context.Response.ContentLength = index.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
            await context.Response.SendFileAsync(index, context.RequestAborted);
    }

    /// <summary>
    /// For a file under /assets that has precompressed copies: serves the best copy the request accepts (by rewriting
    /// the path the static files read) and says that the answer varies by Accept-Encoding. A copy asked for by its own
    /// name is not served: it would go out without its Content-Encoding.
    /// </summary>
    private static Task ChoosePrecompressed(HttpContext context, RequestDelegate next, PhysicalFileProvider files)
    {
        var request = context.Request;
        if ((!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            || !request.Path.StartsWithSegments(AssetsPrefix, StringComparison.OrdinalIgnoreCase))
            return next(context);
        var path = request.Path.Value!;
        if (Precompressed.Any(p => path.EndsWith(p.Suffix, StringComparison.OrdinalIgnoreCase)))
            return NotFound().ExecuteAsync(context);

        var hasCopies = false;
        foreach (var (encoding, suffix) in Precompressed)
        {
            if (!files.GetFileInfo(path + suffix).Exists)
                continue;
            hasCopies = true;
            if (!Accepts(request, encoding))
                continue;
            request.Path = path + suffix;
            context.Items[EncodingItem] = encoding;
            break;
        }
        if (hasCopies)
            context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        return next(context);
    }

    private static bool Accepts(HttpRequest request, string encoding) =>
        StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var accepted)
        && accepted.Any(a => a.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);

    private static void PrepareResponse(HttpContext context)
    {
        if (context.Items[EncodingItem] is string encoding)
            context.Response.Headers.ContentEncoding = encoding;
        context.Response.Headers.CacheControl =
            context.Request.Path.StartsWithSegments(AssetsPrefix, StringComparison.OrdinalIgnoreCase) ? ImmutableCache : Revalidate;
    }

    /// <summary>The content type of <c>app.js.br</c> is that of <c>app.js</c>.</summary>
    private sealed class PrecompressedContentTypes(IContentTypeProvider inner) : IContentTypeProvider
    {
        public bool TryGetContentType(string subpath, out string contentType)
        {
            foreach (var (_, suffix) in Precompressed)
                if (subpath.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                    return inner.TryGetContentType(subpath[..^suffix.Length], out contentType!);
            return inner.TryGetContentType(subpath, out contentType!);
        }
    }
}
