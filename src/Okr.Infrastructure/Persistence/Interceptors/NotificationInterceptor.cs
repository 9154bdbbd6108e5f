using Okr.Domain.Common;
using Okr.Infrastructure.Notifications;

namespace Okr.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Takes the facts the saved entities raised (a comment posted, a key result turning off track, …) and writes their
/// notifications, and the emails of those, into the same save (ADR 0028): they commit with the change or not at all,
/// and each event is taken once. A synchronous save (seeding, Identity) raises none that matter and writes none.
/// </summary>
public sealed class NotificationInterceptor : OkrSaveInterceptor
{
    protected override async Task SavingAsync(OkrDbContext db, bool async, CancellationToken cancellationToken)
    {
        var raised = new List<(Guid OrganizationId, IDomainEvent Event)>();
        foreach (var entry in db.ChangeTracker.Entries<Entity>().ToList())
            foreach (var e in entry.Entity.DomainEvents())
                raised.Add((entry.Entity is ITenantOwned owned ? owned.OrganizationId : db.CurrentOrganizationId, e));
        if (!async || raised.Count == 0)
            return;
        foreach (var organization in raised.GroupBy(r => r.OrganizationId))
            await NotificationWriter.WriteAsync(db, organization.Key, organization.Select(r => r.Event).ToList(), cancellationToken);
    }
}
