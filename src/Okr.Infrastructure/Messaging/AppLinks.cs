using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Okr.Application.Common.Interfaces;

namespace Okr.Infrastructure.Messaging;

/// <summary>
/// Links into the SPA start at <c>App:BaseUrl</c>. Without it they start at the address of the request being served,
/// which follows the request's Host header: set <c>App:BaseUrl</c> in production, or links mailed on a caller's request
/// (a password reset) go wherever that caller says (ADR 0021). Outside a request, http://localhost:5080.
/// </summary>
public sealed class AppLinks(IHttpContextAccessor http, IConfiguration configuration) : IAppLinks
{
    public const string BaseUrlSetting = "App:BaseUrl";

    public string Spa(string pathAndQuery) => BaseUrl().TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');

    private string BaseUrl()
    {
        if (configuration[BaseUrlSetting] is { Length: > 0 } configured)
            return configured;
        if (http.HttpContext?.Request is { } request && request.Host.HasValue)
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        return "http://localhost:5080";
    }
}
