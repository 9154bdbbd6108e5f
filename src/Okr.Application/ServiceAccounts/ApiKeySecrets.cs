using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Okr.Application.ServiceAccounts;

/// <summary>
/// API keys: <c>okr_live_</c>, a public id (12 hex digits, to find the key and to recognise it in lists), <c>_</c>, and a
/// 256-bit random secret (URL-safe base64). Only the secret's SHA-256 is stored: a fast hash is enough for a secret
/// with that much entropy, and a presented key is compared in constant time (ADR 0027).
/// </summary>
public static class ApiKeySecrets
{
    public const string Prefix = "okr_live_";
    private const int PublicIdLength = 12;

    public static (string PublicId, string Secret, string Key) NewKey()
    {
        var publicId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PublicIdLength / 2));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (publicId, secret, $"{Prefix}{publicId}_{secret}");
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Splits a presented key into its public id and secret; false when it is not shaped like a key.</summary>
    public static bool TryParse(ReadOnlySpan<char> key, out string publicId, out string secret)
    {
        publicId = secret = string.Empty;
        if (!key.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var rest = key[Prefix.Length..];
        if (rest.Length < PublicIdLength + 2 || rest[PublicIdLength] != '_' || rest.Length > 200)
            return false;
        publicId = rest[..PublicIdLength].ToString();
        secret = rest[(PublicIdLength + 1)..].ToString();
        return true;
    }

    /// <summary>Whether the secret hashes to the stored hash, in time that does not depend on where they differ.</summary>
    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));

    /// <summary>The public id of an <c>Authorization: Bearer okr_live_…</c> header, for per-key rate limiting; null otherwise.</summary>
    public static string? PublicIdOfAuthorization(string? authorization)
    {
        const string bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
            return null;
        return TryParse(authorization.AsSpan(bearer.Length).Trim(), out var publicId, out _) ? publicId : null;
    }
}
