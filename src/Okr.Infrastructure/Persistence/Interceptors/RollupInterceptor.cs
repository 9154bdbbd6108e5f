using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Okr.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Keeps the maintained rollups exact (ADR 0013) around every asynchronous save: <see cref="RollupChanges.BeforeSaveAsync"/>
/// finds and locks what the command's changes feed, <see cref="RollupChanges.AfterSaveAsync"/> recomputes it in the same
/// transaction. What the first found waits on the context until the save has succeeded or failed. (Synchronous saves
/// are seeding's and Identity's: they change nothing a rollup reads.)
/// </summary>
public sealed class RollupInterceptor : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is OkrDbContext db)
            db.PendingRollups = await RollupChanges.BeforeSaveAsync(db, SaveInterceptors.ChangedEntries(db), cancellationToken);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is OkrDbContext db)
        {
            var pending = db.PendingRollups;
            db.PendingRollups = null;
            await RollupChanges.AfterSaveAsync(db, pending, cancellationToken);
        }
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Forget(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is OkrDbContext db)
            db.PendingRollups = null;
    }
}
