using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace Okr.Infrastructure.Identity;

/// <summary>
/// Refuses the passwords attackers try first (NIST SP 800-63B §3.1.1.2): the 10,000 most common passwords of the
/// leaked-password corpora, also with trailing digits and symbols added (<c>Password1</c>, <c>letmein2026!</c>), and
/// passwords built on the user's own email.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string Code = "PasswordTooCommon";

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
            return Task.FromResult(IdentityResult.Success);
        return Task.FromResult(IsCommon(password, user.Email)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = Code,
                Description = "This password is one of the most common passwords (or one with digits or symbols added); choose one that is harder to guess.",
            })
            : IdentityResult.Success);
    }

    public static bool IsCommon(string password, string? email)
    {
        var lower = password.Trim().ToLowerInvariant();
        var stem = lower.TrimEnd("0123456789!@#$%^&*()-_=+.,;:?~ ".ToCharArray());
        if (Common.Value.Contains(lower) || Common.Value.Contains(stem))
            return true;
        var local = email?.Split('@')[0].ToLowerInvariant();
        return local is { Length: >= 3 } && (stem == local || lower.Contains(email!.ToLowerInvariant(), StringComparison.Ordinal));
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Okr.Infrastructure.Identity.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is not embedded.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#')
                passwords.Add(line);
        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
