using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Okr.Infrastructure.Persistence.Interceptors;

/// <summary>
/// What every save of <see cref="OkrDbContext"/> goes through, in this order (ADR 0019): the write guards (tenant
/// boundary, text lengths), the maintained rollups (they see the command's own changes), versions, then the audit
/// trail (it records the changes with the versions already moved), then the notifications of the facts the save carries
/// (ADR 0028; after the audit trail, which leaves a person's inbox out anyway); rows written once stay as written. Stateless: one instance serves every context; what a
/// save carries from before to after it lives on the context.
/// </summary>
public static class SaveInterceptors
{
    public static IReadOnlyList<IInterceptor> All { get; } =
    [
        new TenantBoundaryInterceptor(),
        new ImmutableRowInterceptor(),
        new TextLengthInterceptor(),
        new RollupInterceptor(),
        new VersionInterceptor(),
        new AuditTrailInterceptor(),
        new NotificationInterceptor(),
        new WebhookEventInterceptor(),
    ];

    /// <summary>Adds <see cref="All"/> to a context's options.</summary>
    public static DbContextOptionsBuilder AddSaveInterceptors(this DbContextOptionsBuilder options) => options.AddInterceptors(All);

    /// <summary>
    /// The rows this save adds, changes or deletes. EF Core detects changes after the interceptors have run, so each
    /// detects them first itself.
    /// </summary>
    internal static List<EntityEntry> ChangedEntries(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        return context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
    }
}

/// <summary>
/// A save interceptor whose work is the same whether the save is synchronous or not (<paramref name="async"/> says
/// which, for the rare one that reads the database).
/// </summary>
public abstract class OkrSaveInterceptor : SaveChangesInterceptor
{
    /// <summary>Runs before the save, on an <see cref="OkrDbContext"/> (other contexts pass through).</summary>
    protected abstract Task SavingAsync(OkrDbContext db, bool async, CancellationToken cancellationToken);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        // Nothing awaits when async is false, so this completes synchronously.
        if (eventData.Context is OkrDbContext db)
            SavingAsync(db, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is OkrDbContext db)
            await SavingAsync(db, async: true, cancellationToken);
        return result;
    }
}
