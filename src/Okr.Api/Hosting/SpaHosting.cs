using Microsoft.Extensions.FileProviders;

namespace Okr.Api.Hosting;

/// <summary>
/// Serves the built SPA: from wwwroot when the image ships it there, else from client/dist of the source tree.
/// Unknown non-API paths fall back to index.html so the client-side router can handle deep links.
/// </summary>
internal static class SpaHosting
{
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
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapFallbackToFile("{*path:nonfile}", "index.html", new StaticFileOptions { FileProvider = files })
            .ExcludeFromDescription();
        return app;
    }
}
