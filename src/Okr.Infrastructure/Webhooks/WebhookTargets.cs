using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Okr.Application.Common;
using Okr.Application.Webhooks;

namespace Okr.Infrastructure.Webhooks;

/// <summary>
/// Where webhooks may go (ADR 0030): HTTPS only (unless <c>Webhooks:AllowInsecure</c>), and only to hosts whose every
/// address is public once resolved: not loopback, private (RFC 1918, unique local), link-local (the cloud metadata
/// address among them), carrier-grade NAT, multicast or unspecified, unless the host is in <c>Webhooks:AllowedHosts</c>.
/// Checked when a subscription is saved, and again at every connection (<see cref="ConnectAsync"/>), so a name that
/// later resolves to a private address (DNS rebinding) is refused too.
/// </summary>
public sealed class WebhookTargets(IOptionsMonitor<WebhookOptions> options) : IWebhookTargets
{
    public async Task EnsureAllowedAsync(string field, string url, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(url, cancellationToken) is { } reason)
            throw Invalid.Field(field, reason);
    }

    /// <summary>Why a URL may not receive webhooks, or null when it may.</summary>
    public async Task<string?> RefusalAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return "An absolute https:// URL.";
        var settings = options.CurrentValue;
        if (uri.Scheme == Uri.UriSchemeHttp && !settings.AllowInsecure)
            return "Webhooks go to https:// endpoints only.";
        var host = uri.IdnHost.Trim('[', ']');
        if (IsAllowListed(host))
            return null;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            return $"The host '{uri.Host}' does not resolve.";
        }
        if (addresses.Length == 0)
            return $"The host '{uri.Host}' does not resolve.";
        return addresses.FirstOrDefault(a => !IsPublic(a)) is { } refused
            ? $"The host '{uri.Host}' resolves to {refused}, a private, loopback or link-local address: webhooks go to public addresses only."
            : null;
    }

    public bool IsAllowListed(string host) =>
        options.CurrentValue.AllowedHosts.Any(allowed => string.Equals(allowed.Trim().Trim('[', ']'), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The connection of the webhook client: resolves the host, refuses it unless every address is public (or the host is
    /// allow-listed), and connects to the first address that answers.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (!IsAllowListed(host) && addresses.FirstOrDefault(a => !IsPublic(a)) is { } refused)
            throw new HttpRequestException($"Refused: '{host}' resolves to {refused}, which is not a public address.");
        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
        }
        throw new HttpRequestException($"Could not connect to '{host}'.", last);
    }

    /// <summary>Whether an address is on the public internet (not loopback, private, link-local, shared, multicast or reserved).</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
            return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0                                   // "this network"
                     || b[0] == 10                               // private
                     || (b[0] == 100 && b[1] >= 64 && b[1] < 128) // carrier-grade NAT
                     || b[0] == 127                              // loopback
                     || (b[0] == 169 && b[1] == 254)             // link-local, cloud metadata
                     || (b[0] == 172 && b[1] >= 16 && b[1] < 32) // private
                     || (b[0] == 192 && b[1] == 168)             // private
                     || (b[0] == 192 && b[1] == 0 && b[2] == 0)  // IETF protocol assignments
                     || (b[0] == 198 && (b[1] == 18 || b[1] == 19)) // benchmarking
                     || b[0] >= 224);                            // multicast, reserved, broadcast
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                     || (b[0] & 0xFE) == 0xFC                    // unique local fc00::/7
                     || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) // documentation
                     || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B)); // NAT64 to any IPv4, private ones included
        }
        return false;
    }
}
