using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Okr.Application.Common.Interfaces;

namespace Okr.Infrastructure.Messaging;

/// <summary>
/// Unsubscribe tokens protected by ASP.NET Core Data Protection under a purpose of their own (the keys the host keeps in
/// <c>DataProtection:KeysPath</c>, shared by replicas that share that folder): authenticated encryption of
/// "organisation.person.kind", URL-safe. They do not expire: an unsubscribe link in an old mail keeps working (ADR 0029).
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection) : IUnsubscribeTokens
{
    private readonly IDataProtector _protector = protection.CreateProtector("Okr.Unsubscribe.v1");

    public string Issue(UnsubscribeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _protector.Protect($"{request.OrganizationId:N}.{request.PersonId:N}.{request.Kind}");
    }

    public UnsubscribeRequest? Read(string token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2048)
            return null;
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
        var parts = payload.Split('.', 3);
        return parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out var organizationId) && Guid.TryParseExact(parts[1], "N", out var personId)
            ? new UnsubscribeRequest(organizationId, personId, parts[2])
            : null;
    }
}
