using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Okr.Application.ServiceAccounts;
using Okr.Infrastructure.Identity;

namespace Okr.Api.Security;

/// <summary>
/// <c>Authorization: Bearer okr_live_…</c>: a service account's API key (ADR 0027). A policy scheme in front of Identity's
/// own sends only such headers here, so people's bearer tokens and cookies take the path they always took.
/// </summary>
public static class ApiKeyAuthentication
{
    public const string Scheme = ApiKeyClaims.AuthenticationType;
    private const string Selector = "Okr";
    /// <summary>The scheme AddIdentityApiEndpoints makes the default (bearer token, else cookie); its constant is internal.</summary>
    private const string IdentityBearerAndApplication = "Identity.BearerAndApplication";

    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(Scheme, null)
            .AddPolicyScheme(Selector, null, policy => policy.ForwardDefaultSelector = http =>
                IsApiKey(http.Request.Headers.Authorization.ToString()) ? Scheme : IdentityBearerAndApplication);
        // Registered after Identity's, so this default wins.
        services.Configure<AuthenticationOptions>(options => options.DefaultScheme = Selector);
        return services;
    }

    internal static bool IsApiKey(string authorization) =>
        authorization.StartsWith("Bearer " + ApiKeySecrets.Prefix, StringComparison.OrdinalIgnoreCase);
}

internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyAuthenticator authenticator, IOptions<IdentityOptions> identity)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!ApiKeyAuthentication.IsApiKey(header))
            return AuthenticateResult.NoResult();
        // The account endpoints (password, email, two-factor) belong to people: a key does not open them.
        if (Request.Path.StartsWithSegments("/api/auth", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("API keys do not authenticate the account endpoints.");
        // The key itself is never logged: only that one was refused.
        var caller = await authenticator.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (caller is null)
            return AuthenticateResult.Fail("The API key is unknown, revoked or expired.");

        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, caller.UserId.ToString()),
            new(identity.Value.ClaimsIdentity.SecurityStampClaimType, caller.SecurityStamp),
            new(ApiKeyClaims.ServiceAccountId, caller.ServiceAccountId.ToString()),
            new(ApiKeyClaims.Scope, caller.Scope.ToString()),
        ];
        if (caller.UnitId is { } unitId)
            claims.Add(new Claim(ApiKeyClaims.UnitId, unitId.ToString()));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyAuthentication.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyAuthentication.Scheme));
    }
}
