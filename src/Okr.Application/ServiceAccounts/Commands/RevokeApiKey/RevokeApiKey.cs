using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;

namespace Okr.Application.ServiceAccounts.Commands.RevokeApiKey;

/// <summary>Revokes an API key: the next request that presents it is refused (401). Admins only.</summary>
public sealed record RevokeApiKey(Guid ServiceAccountId, Guid KeyId) : ICommand, IAdminRequest;

public sealed class RevokeApiKeyHandler(IOkrDbContext db, IClock clock) : ICommandHandler<RevokeApiKey>
{
    public async ValueTask<Unit> Handle(RevokeApiKey command, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.KeyId && k.ServiceAccountId == command.ServiceAccountId, cancellationToken)
            ?? throw new NotFoundException("ApiKey", command.KeyId);
        key.Revoke(clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
