using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;
using Okr.Infrastructure.Persistence;

namespace Okr.Infrastructure.Identity;

public sealed class Accounts(OkrDbContext db) : IAccounts
{
    public Task ConfirmEmailAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId && !u.EmailConfirmed)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.EmailConfirmed, true), cancellationToken);

    public Guid AddServiceAccountUser(string email)
    {
        var user = new AppUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            // No password, and locked out as a deactivated account is (ADR 0016): only its API keys authenticate it.
            LockoutEnabled = true,
            LockoutEnd = DateTimeOffset.MaxValue,
        };
        db.Users.Add(user);
        return user.Id;
    }
}
