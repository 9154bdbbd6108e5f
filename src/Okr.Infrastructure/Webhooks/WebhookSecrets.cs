using Microsoft.AspNetCore.DataProtection;
using Okr.Application.Webhooks;

namespace Okr.Infrastructure.Webhooks;

/// <summary>Webhook signing secrets encrypted with ASP.NET Core Data Protection (the host's key ring), under a purpose of their own.</summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider) : IWebhookSecrets
{
    private readonly IDataProtector _protector = provider.CreateProtector("Okr.Webhooks.SigningSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
