using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Okr.Api.Security;

/// <summary>
/// Behind a reverse proxy (ADR 0020): the client's address, scheme and host are read from <c>X-Forwarded-For</c>,
/// <c>-Proto</c> and <c>-Host</c>, but only on requests that come from a proxy named in settings
/// (<c>ForwardedHeaders:KnownProxies</c>, addresses, and <c>ForwardedHeaders:KnownNetworks</c>, CIDR ranges; both empty by
/// default). With none named, the headers are ignored: anyone can send them, and believing them would let a client buy a
/// fresh throttle budget per request.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    /// <summary>
    /// The forwarded-headers middleware's options (read by <c>app.UseForwardedHeaders()</c>, first in the pipeline: before the
    /// security headers, the throttle and the CSRF check): untouched, so the middleware does nothing, when no proxy is
    /// named. A malformed address stops the host at start.
    /// </summary>
    public static IServiceCollection AddForwardedHeadersFromKnownProxies(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IConfiguration>((options, configuration) => Apply(configuration.GetSection(Section), options))
            .ValidateOnStart();
        return services;
    }

    /// <summary>Trusts the proxies named in <paramref name="section"/>, and only them; leaves <paramref name="options"/> as they are when it names none.</summary>
    public static void Apply(IConfigurationSection section, ForwardedHeadersOptions options)
    {
        var proxies = ValuesOf(section.GetSection("KnownProxies"))
            .Select(value => IPAddress.TryParse(value, out var address)
                ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies: '{value}' is not an IP address (a range goes in {Section}:KnownNetworks, e.g. 10.0.0.0/8)."))
            .ToList();
        var networks = ValuesOf(section.GetSection("KnownNetworks"))
            .Select(value => IPNetwork.TryParse(value, out var network)
                ? network
                : throw new InvalidOperationException($"{Section}:KnownNetworks: '{value}' is not a CIDR range (e.g. 10.0.0.0/8 or fd00::/8)."))
            .ToList();
        if (proxies.Count == 0 && networks.Count == 0)
            return;

        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        // Walk X-Forwarded-For back through every trusted proxy (a chain of them), and stop at the first address that is
        // not one: that is the client. An address a client put in the header itself is never reached.
        options.ForwardLimit = null;
        // The framework trusts loopback by default; only the proxies named here are trusted.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
            options.KnownProxies.Add(proxy);
        foreach (var network in networks)
            options.KnownIPNetworks.Add(network);
    }

    /// <summary>A list setting (<c>KnownProxies:0</c>, <c>KnownProxies:1</c>…) or one comma-separated value (handy in an environment variable).</summary>
    private static IEnumerable<string> ValuesOf(IConfigurationSection section) =>
        (string.IsNullOrEmpty(section.Value) ? section.GetChildren().Select(c => c.Value ?? string.Empty) : [section.Value])
        .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
