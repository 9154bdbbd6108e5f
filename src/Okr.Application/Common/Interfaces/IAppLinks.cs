namespace Okr.Application.Common.Interfaces;

/// <summary>Absolute links into the SPA, for messages read outside it (emails).</summary>
public interface IAppLinks
{
    /// <summary>The absolute URL of an SPA path such as <c>/accept-invitation?token=…</c>.</summary>
    string Spa(string pathAndQuery);
}
