using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Okr.Infrastructure.Identity;

/// <summary>
/// Password sign-in that an anonymous stranger cannot turn against a user and that does not tell whether an account
/// exists (ADR 0016):
/// <list type="bullet">
/// <item>failed passwords never lock the account (Identity's lockout would let anyone lock the CEO out with ten
/// guesses); guessing is slowed per client and per account by the sign-in throttle instead;</item>
/// <item>an unknown email, a locked (deactivated) account and a wrong password each run the password hasher once, so
/// the time taken does not tell them apart either.</item>
/// </list>
/// </summary>
public sealed class OkrSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly AppUser Nobody = new() { UserName = "nobody", Email = "nobody@okr.invalid" };
    // One hash per hashing cost (its iteration count): a hash made at another cost would be checked at that cost, so a
    // host configured differently (hosts in one process, a changed setting) must not reuse it.
    private static readonly ConcurrentDictionary<int, string> NobodysHash = new();

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            SpendAsMuchAsAPasswordCheck(password);
            return SignInResult.Failed;
        }
        var result = await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: false);
        // A locked or not-allowed account is refused before its password is checked: spend the same time anyway.
        if (result.IsLockedOut || result.IsNotAllowed)
            SpendAsMuchAsAPasswordCheck(password);
        return result;
    }

    private void SpendAsMuchAsAPasswordCheck(string password)
    {
        var cost = Context.RequestServices.GetService<IOptions<PasswordHasherOptions>>()?.Value.IterationCount ?? 0;
        var hash = NobodysHash.GetOrAdd(cost, _ => UserManager.PasswordHasher.HashPassword(Nobody, Guid.NewGuid().ToString()));
        UserManager.PasswordHasher.VerifyHashedPassword(Nobody, hash, password ?? string.Empty);
    }
}
