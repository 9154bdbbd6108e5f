using Microsoft.EntityFrameworkCore;
using Okr.Domain.Common;

namespace Okr.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Rows written once (<see cref="IImmutableRow"/>: a published business review) are never updated or deleted, whatever
/// the code asks: a correction is a new row (ADR 0029).
/// </summary>
public sealed class ImmutableRowInterceptor : OkrSaveInterceptor
{
    protected override Task SavingAsync(OkrDbContext db, bool async, CancellationToken cancellationToken)
    {
        foreach (var entry in SaveInterceptors.ChangedEntries(db))
            if (entry.Entity is IImmutableRow && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new DomainRuleException("immutable", $"A {entry.Metadata.ClrType.Name} never changes once written: make a new one instead.");
        return Task.CompletedTask;
    }
}
