using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Okr.Domain.Common;
using Okr.Domain.KeyResults;

namespace Okr.Infrastructure.Persistence.Interceptors;

/// <summary>
/// New aggregates start at version 1; a changed aggregate, or one whose owned rows changed (checkpoints of a
/// period, members of a unit, the key results of an objective, …: whatever a cascading foreign key ties to it),
/// moves to the next version. The original version is the concurrency token, so a concurrent writer fails
/// instead of overwriting. An objective's ETag therefore covers its key results' definitions; check-ins and the
/// values they maintain move no version (ADR 0005, ADR 0013).
/// </summary>
public sealed class VersionInterceptor : OkrSaveInterceptor
{
    protected override Task SavingAsync(OkrDbContext db, bool async, CancellationToken cancellationToken)
    {
        var changed = SaveInterceptors.ChangedEntries(db);
        var roots = new HashSet<EntityEntry>();
        var tracked = db.ChangeTracker.Entries<IVersioned>()
            .Where(e => e.Entity is Entity)
            .ToDictionary(e => (e.Metadata.ClrType, ((Entity)e.Entity).Id));

        foreach (var entry in changed)
        {
            // A check-in is a fact appended to its key result, and the current value it moves is maintained, not edited:
            // neither moves a version, so check-ins never collide with each other or with edits (ADR 0013).
            if (entry.Entity is CheckIn || RollupChanges.IsMaintained(entry))
                continue;
            if (entry.Entity is IVersioned)
            {
                if (entry.State == EntityState.Added) entry.Property(nameof(IVersioned.Version)).CurrentValue = 1L;
                else if (entry.State == EntityState.Modified) roots.Add(entry);
            }
            // A row owned by an aggregate: its cascading foreign key points at the owner.
            foreach (var fk in entry.Metadata.GetForeignKeys().Where(f =>
                         f.DeleteBehavior == DeleteBehavior.Cascade && typeof(IVersioned).IsAssignableFrom(f.PrincipalEntityType.ClrType)))
            {
                var property = entry.Property(fk.Properties[0].Name);
                var key = entry.State == EntityState.Deleted ? property.OriginalValue : property.CurrentValue;
                if (key is Guid id && tracked.TryGetValue((fk.PrincipalEntityType.ClrType, id), out var root)
                    && root.State is EntityState.Unchanged or EntityState.Modified)
                    roots.Add(root);
            }
        }

        foreach (var root in roots)
        {
            var version = root.Property(nameof(IVersioned.Version));
            version.CurrentValue = (long)version.OriginalValue! + 1;
        }
        return Task.CompletedTask;
    }
}
