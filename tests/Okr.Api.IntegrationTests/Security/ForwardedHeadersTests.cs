using System.Net;
using System.Net.Http.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Okr.Api.Security;
using Xunit.Abstractions;

namespace Okr.Api.IntegrationTests.Security;

/// <summary>
/// Behind a reverse proxy (ADR 0020): forwarded headers are believed from the proxies named in settings, and from
/// nobody else, through the real pipeline (throttle and CSRF check).
/// </summary>
public sealed class ForwardedHeadersTests(ITestOutputHelper output)
{
    private const string Proxy = "10.0.0.5";

    [Fact]
    public async Task Clients_behind_a_configured_proxy_get_budgets_of_their_own()
    {
        const int permits = 2;
        await using var host = await AuthSuite.HostAsync(clientPermits: permits,
            settings: new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = Proxy });
        using var first = BehindProxy(host, "203.0.113.1");
        using var second = BehindProxy(host, "203.0.113.2");

        var firstAnswers = new List<HttpStatusCode>();
        for (var i = 0; i <= permits; i++)
            firstAnswers.Add((await first.LoginAsync("nobody@example.com", "not-the-password")).StatusCode);
        var secondAnswer = await second.LoginAsync("nobody@example.com", "not-the-password");

        firstAnswers.Should().Equal(HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests);
        secondAnswer.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "another client behind the same proxy has its own budget");

        // A client that is not the proxy cannot name itself someone else: its X-Forwarded-For is ignored.
        using var direct = host.ClientAt("198.51.100.9");
        var directAnswers = await LoginsNamingOtherClientsAsync(direct, permits + 1);
        directAnswers.Last().Should().Be(HttpStatusCode.TooManyRequests, "a client that is not a known proxy is throttled by its own address");
        output.WriteLine($"proxy {Proxy}: client 1 {string.Join("/", firstAnswers.Select(a => (int)a))}, client 2 {(int)secondAnswer.StatusCode}; " +
                         $"a direct client spoofing X-Forwarded-For {string.Join("/", directAnswers.Select(a => (int)a))}");
    }

    [Fact]
    public async Task Without_a_configured_proxy_a_spoofed_X_Forwarded_For_buys_no_fresh_budget()
    {
        const int permits = 2;
        await using var host = await AuthSuite.HostAsync(clientPermits: permits);
        using var client = host.ClientAt("198.51.100.7");

        var answers = await LoginsNamingOtherClientsAsync(client, permits + 1);

        answers.Should().Equal(HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests);
        output.WriteLine($"no proxy configured: 3 requests naming 3 different X-Forwarded-For answered {string.Join("/", answers.Select(a => (int)a))}");
    }

    [Fact]
    public async Task The_CSRF_check_sees_the_scheme_and_host_the_browser_used_behind_a_configured_proxy_only()
    {
        await using var host = await AuthSuite.HostAsync(settings: new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/24" });
        var email = AuthSuite.NewEmail();
        await host.RegisterAsync(email);
        using var browser = BehindProxy(host, "203.0.113.50", https: true);
        var login = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = AuthSuite.Password });
        login.EnsureSuccessStatusCode();
        // The cookie is Secure (the browser's request was https): sent by hand, as the browser would over https.
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CrossSiteRequestProtection.SessionCookie + "=", StringComparison.Ordinal));
        cookie.Should().Contain("secure", "the proxy told the server the browser used https");
        var session = cookie.Split(';')[0];
        var target = $"/api/objectives/{Guid.NewGuid()}/activate";

        async Task<HttpResponseMessage> WriteAsync(string clientAddress, bool forwardProto)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target);
            request.Headers.Add(ClientAddressFromHeader.Header, clientAddress);
            request.Headers.Add("Cookie", session);
            request.Headers.Add("X-Requested-With", "XMLHttpRequest");
            request.Headers.Add("Origin", "https://okr.example");
            request.Headers.Add("X-Forwarded-For", "203.0.113.50");
            request.Headers.Add("X-Forwarded-Host", "okr.example");
            if (forwardProto)
                request.Headers.Add("X-Forwarded-Proto", "https");
            using var client = host.CreateClient(new() { HandleCookies = false });
            return await client.SendAsync(request);
        }

        var viaProxy = await WriteAsync("10.0.0.5", forwardProto: true);
        var viaProxyWithoutProto = await WriteAsync("10.0.0.5", forwardProto: false);
        var direct = await WriteAsync("198.51.100.8", forwardProto: true);

        var viaProxyBody = await viaProxy.Content.ReadAsStringAsync();
        viaProxyBody.Should().NotContain("Cross-site", "https://okr.example is this site as the browser sees it");
        viaProxy.StatusCode.Should().NotBe(HttpStatusCode.Unauthorized, viaProxyBody);
        await viaProxyWithoutProto.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await direct.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await direct.Content.ReadAsStringAsync()).Should().Contain("Cross-site", "forwarded headers from a client that is not a proxy are ignored");
        output.WriteLine($"CSRF behind proxy: https Origin via proxy {(int)viaProxy.StatusCode} (reaches the endpoint), " +
                         $"without X-Forwarded-Proto {(int)viaProxyWithoutProto.StatusCode}, forwarded headers sent directly {(int)direct.StatusCode}");
    }

    [Theory]
    [InlineData("KnownProxies:0", "10.0.0.0/8", "not an IP address")]
    [InlineData("KnownNetworks:0", "10.0.0.5/99", "not a CIDR range")]
    public void A_malformed_proxy_setting_is_refused_naming_it(string key, string value, string message)
    {
        var section = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ForwardedHeaders:" + key] = value })
            .Build().GetSection(ForwardedHeadersSetup.Section);

        var apply = () => ForwardedHeadersSetup.Apply(section, new ForwardedHeadersOptions());

        apply.Should().Throw<InvalidOperationException>().WithMessage($"*ForwardedHeaders:{key.Split(':')[0]}*{value}*{message}*");
    }

    [Fact]
    public void Proxies_may_be_one_comma_separated_setting_and_only_they_are_trusted()
    {
        var section = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = "10.0.0.5, 10.0.0.6", ["ForwardedHeaders:KnownNetworks"] = "fd00::/8" })
            .Build().GetSection(ForwardedHeadersSetup.Section);
        var options = new ForwardedHeadersOptions();

        ForwardedHeadersSetup.Apply(section, options);

        options.KnownProxies.Select(p => p.ToString()).Should().Equal("10.0.0.5", "10.0.0.6");
        options.KnownIPNetworks.Select(n => n.ToString()).Should().Equal("fd00::/8");
        options.ForwardedHeaders.Should().HaveFlag(ForwardedHeaders.XForwardedFor)
            .And.HaveFlag(ForwardedHeaders.XForwardedProto)
            .And.HaveFlag(ForwardedHeaders.XForwardedHost);
    }

    /// <summary>A client the proxy forwards: the server sees the proxy's address and the client's in X-Forwarded-For.</summary>
    private static HttpClient BehindProxy(OkrApiFactory host, string clientAddress, bool https = false)
    {
        var client = host.ClientAt(Proxy);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        if (https)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            client.DefaultRequestHeaders.Add("X-Forwarded-Host", "okr.example");
        }
        return client;
    }

    /// <summary>Sign-ins from <paramref name="client"/>, each naming another address in X-Forwarded-For; their statuses.</summary>
    private static async Task<List<HttpStatusCode>> LoginsNamingOtherClientsAsync(HttpClient client, int count)
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
            {
                Content = JsonContent.Create(new { email = "nobody@example.com", password = "not-the-password" }),
            };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{100 + i}");
            answers.Add((await client.SendAsync(request)).StatusCode);
        }
        return answers;
    }
}
