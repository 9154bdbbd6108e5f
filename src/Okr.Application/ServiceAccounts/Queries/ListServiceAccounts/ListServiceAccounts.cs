using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.ServiceAccounts.Dtos;

namespace Okr.Application.ServiceAccounts.Queries.ListServiceAccounts;

/// <summary>The organisation's service accounts and their keys, never their secrets. Admins only.</summary>
public sealed record ListServiceAccounts : IQuery<IReadOnlyList<ServiceAccountDto>>, IAdminRequest;

public sealed class ListServiceAccountsHandler(IOkrDbContext db) : IQueryHandler<ListServiceAccounts, IReadOnlyList<ServiceAccountDto>>
{
    public async ValueTask<IReadOnlyList<ServiceAccountDto>> Handle(ListServiceAccounts query, CancellationToken cancellationToken)
    {
        var accounts = await db.ServiceAccounts.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var keys = (await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(k => k.ServiceAccountId);
        return accounts.Select(a => a.ToDto(keys[a.Id])).ToList();
    }
}
