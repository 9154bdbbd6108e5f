namespace Okr.Api.Hosting;

/// <summary><c>dotnet Okr.Api.dll --health-probe</c>: exit 0 when GET /health on the configured address answers 200.</summary>
internal static class HealthProbe
{
    public static async Task<int> RunAsync(string? urls)
    {
        var first = (urls ?? "http://localhost:8080").Split(';', StringSplitOptions.RemoveEmptyEntries)[0]
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await http.GetAsync(new Uri(new Uri(first), "/health"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (HttpRequestException)
        {
            return 1;
        }
        catch (TaskCanceledException)
        {
            return 1;
        }
    }
}
