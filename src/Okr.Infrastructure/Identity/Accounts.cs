using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;
using Okr.Infrastructure.Persistence;

namespace Okr.Infrastructure.Identity;

public sealed class Accounts(OkrDbContext db) : IAccounts
{
    public Task ConfirmEmailAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId && !u.EmailConfirmed)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.EmailConfirmed, true), cancellationToken);
}
