namespace Okr.Application.Common.Interfaces;

/// <summary>The sign-in accounts (ASP.NET Core Identity's users), as far as use cases touch them.</summary>
public interface IAccounts
{
    /// <summary>Records that the account's owner proved its email address (ADR 0016).</summary>
    Task ConfirmEmailAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds (to the unit of work, saved with it) the sign-in identity behind a service account: no password, locked out,
    /// so only its API keys authenticate it. Returns its id.
    /// </summary>
    Guid AddServiceAccountUser(string email);
}
