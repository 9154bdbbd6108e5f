using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Okr.Application.Invitations;

/// <summary>
/// One-time invitation tokens: 256 random bits, URL-safe. Only their SHA-256 hash is stored, so a leaked database
/// holds no usable invitation; the token itself is shown once, to the admin who invites.
/// </summary>
public static class InvitationTokens
{
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Where the SPA lets the invitee accept (after registering or signing in).</summary>
    public static string AcceptUrl(string token) => $"/accept-invitation?token={Uri.EscapeDataString(token)}";
}
