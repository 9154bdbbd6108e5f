using Okr.Application.Common.Exceptions;
using Okr.Domain.Common;
using Okr.Domain.Organizations;

namespace Okr.Infrastructure.Persistence.Interceptors;

/// <summary>Defence in depth behind the query filters: no write may touch another organisation's rows (ADR 0005).</summary>
public sealed class TenantBoundaryInterceptor : OkrSaveInterceptor
{
    protected override Task SavingAsync(OkrDbContext db, bool async, CancellationToken cancellationToken)
    {
        if (db.CurrentUser?.OrganizationId is not { } organizationId)
            return Task.CompletedTask;
        foreach (var entry in SaveInterceptors.ChangedEntries(db))
        {
            var owner = entry.Entity switch
            {
                ITenantOwned owned => owned.OrganizationId,
                Organization organization => organization.Id,
                _ => (Guid?)null,
            };
            if (owner is { } id && id != organizationId)
                throw new ForbiddenException("A change across organisations was refused.");
        }
        return Task.CompletedTask;
    }
}
