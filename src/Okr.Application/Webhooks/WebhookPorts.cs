namespace Okr.Application.Webhooks;

/// <summary>Encrypts webhook signing secrets for storage (ASP.NET Core Data Protection in the host) and decrypts them to sign.</summary>
public interface IWebhookSecrets
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}

/// <summary>
/// Decides whether a URL may receive webhooks: HTTPS, and a host whose addresses (after DNS resolution) are public,
/// unless the allow-list settings permit it (ADR 0030). Refusal is a 400 naming the field.
/// </summary>
public interface IWebhookTargets
{
    Task EnsureAllowedAsync(string field, string url, CancellationToken cancellationToken);
}
