using System.IO.Compression;
using System.Net;
using System.Text;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests;

/// <summary>
/// How the host serves the SPA (docs/decisions/0026), on a build of its own as Vite lays it out: index.html, and under
/// assets/ a hashed file with its brotli and gzip copies.
/// </summary>
public sealed class SpaServingTests(SpaServingTests.SpaBuild build) : IClassFixture<SpaServingTests.SpaBuild>
{
    private const string Asset = "/assets/index-B1x2y3Z4.js";
    private static readonly string Script = string.Concat(Enumerable.Repeat("export const okr = 'objectives and key results';\n", 200));
    private const string Index = "<!doctype html><html><head><script type=\"module\" src=\"/assets/index-B1x2y3Z4.js\"></script></head><body><div id=\"root\"></div></body></html>";

    /// <summary>A build in a folder of its own, and a host serving it (Spa:Root).</summary>
    public sealed class SpaBuild : IAsyncLifetime
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), $"okr-spa-{Guid.NewGuid():N}");

        public OkrApiFactory Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(Path.Combine(_root, "assets"));
            await File.WriteAllTextAsync(Path.Combine(_root, "index.html"), Index);
            var asset = Path.Combine(_root, "assets", Path.GetFileName(Asset));
            await File.WriteAllTextAsync(asset, Script);
            await using (var br = new BrotliStream(File.Create(asset + ".br"), CompressionLevel.SmallestSize))
                await br.WriteAsync(Encoding.UTF8.GetBytes(Script));
            await using (var gz = new GZipStream(File.Create(asset + ".gz"), CompressionLevel.SmallestSize))
                await gz.WriteAsync(Encoding.UTF8.GetBytes(Script));
            await File.WriteAllTextAsync(Path.Combine(_root, "assets", "plain-C9d8e7F6.txt"), "no compressed copies");

            Host = new OkrApiFactory(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), settings: new Dictionary<string, string?> { ["Spa:Root"] = _root });
            _ = Host.Server;
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding = null)
    {
        using var client = build.Host.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    public async Task A_hashed_asset_is_sent_precompressed_as_the_client_accepts_and_cached_as_immutable(string acceptEncoding, string expected)
    {
        var response = await GetAsync(Asset, acceptEncoding);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().Equal(expected);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        response.Headers.Vary.Should().Contain("Accept-Encoding");
        response.Headers.CacheControl!.ToString().Should().Be("public, max-age=31536000, immutable");
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = expected == "br" ? new BrotliStream(body, CompressionMode.Decompress) : new GZipStream(body, CompressionMode.Decompress);
        (await new StreamReader(decoded).ReadToEndAsync()).Should().Be(Script);
    }

    [Fact]
    public async Task A_client_that_accepts_no_compression_gets_the_file_itself()
    {
        var response = await GetAsync(Asset);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().BeEmpty();
        response.Headers.Vary.Should().Contain("Accept-Encoding");
        response.Headers.CacheControl!.ToString().Should().Contain("immutable");
        (await response.Content.ReadAsStringAsync()).Should().Be(Script);

        var plain = await GetAsync("/assets/plain-C9d8e7F6.txt", "br, gzip");
        plain.Content.Headers.ContentEncoding.Should().BeEmpty("it has no compressed copy");
        plain.Headers.CacheControl!.ToString().Should().Contain("immutable");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/dashboard")]
    [InlineData("/objectives/0193b6c2-0000-7000-8000-000000000001")]
    [InlineData("/units/0193b6c2-0000-7000-8000-000000000002?period=x")]
    public async Task The_client_routes_get_index_html_revalidated_on_every_load(string path)
    {
        var response = await GetAsync(path, "br, gzip");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
        response.Headers.CacheControl.ToString().Should().NotContain("immutable");
        (await response.Content.ReadAsStringAsync()).Should().Be(Index);
    }

    [Theory]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/.well-known/security.txt")]
    [InlineData("/.env")]
    [InlineData("/units/.git/config")]
    [InlineData("/favicon.ico")]
    [InlineData("/wp-login.php")]
    [InlineData("/dashboard/report.pdf")]
    [InlineData("/assets/index-Gone1234.js")]
    [InlineData("/assets/index-B1x2y3Z4.js.br")]
    [InlineData("/swagger/no-such-page")]
    [InlineData("/graphql/anything")]
    [InlineData("/health/anything")]
    public async Task A_path_outside_the_client_routes_is_a_404_problem_not_the_SPA(string path)
    {
        var response = await GetAsync(path, "br, gzip");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        problem.ToString().Should().NotContain("<div id=\"root\">");
    }
}
