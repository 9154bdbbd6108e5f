using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;

namespace Okr.Application.ServiceAccounts.Commands.DisableServiceAccount;

/// <summary>Disables a service account and revokes all its keys at once; its history stays. Admins only.</summary>
public sealed record DisableServiceAccount(Guid Id, long? ExpectedVersion = null) : ICommand, IExpectVersion, IAdminRequest;

public sealed class DisableServiceAccountHandler(IOkrDbContext db, IClock clock) : ICommandHandler<DisableServiceAccount>
{
    public async ValueTask<Unit> Handle(DisableServiceAccount command, CancellationToken cancellationToken)
    {
        var account = await db.ServiceAccounts.FindOrNotFoundAsync(command.Id, "ServiceAccount", cancellationToken);
        account.EnsureVersion(command.ExpectedVersion);
        var now = clock.UtcNow;
        account.Disable(now);
        foreach (var key in await db.ApiKeys.Where(k => k.ServiceAccountId == account.Id && k.RevokedAt == null).ToListAsync(cancellationToken))
            key.Revoke(now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
