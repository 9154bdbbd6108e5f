using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Okr.Application.Common.Interfaces;
using Okr.Application.Webhooks;
using Okr.Domain.Common;
using Okr.Domain.Messaging;
using Okr.Domain.Objectives;

namespace Okr.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Turns the facts the aggregates raised (and the alignments this save removes) into webhook events in the outbox, in the
/// same save as the change, so an event goes if and only if its change committed (ADR 0030). Only events that an enabled
/// subscription of the organisation receives are written, so an organisation without webhooks pays one small read per
/// save that raised facts, and nothing else.
/// </summary>
public sealed class WebhookEventInterceptor : OkrSaveInterceptor
{
    protected override async Task SavingAsync(OkrDbContext db, bool async, CancellationToken cancellationToken)
    {
        var facts = new List<IOrganizationFact>();
        foreach (var entry in db.ChangeTracker.Entries<Entity>())
        {
            if (entry.State == EntityState.Deleted && entry.Entity is Alignment removed)
                facts.Add(removed.Changed(AlignmentChange.Removed));
            // The last reader of the facts (the notifications read them before): it clears them, so a save takes each once.
            if (entry.Entity.DomainEvents() is { Count: > 0 } raised)
            {
                if (entry.State != EntityState.Detached)
                    facts.AddRange(raised.OfType<IOrganizationFact>());
                entry.Entity.ClearDomainEvents();
            }
        }
        if (facts.Count == 0)
            return;

        var organizations = facts.Select(f => f.OrganizationId).Distinct().ToList();
        var query = db.WebhookSubscriptions.IgnoreQueryFilters([OkrDbContext.TenantFilter]).AsNoTracking()
            .Where(s => organizations.Contains(s.OrganizationId) && s.DisabledAt == null)
            .Select(s => new { s.OrganizationId, s.EventTypes });
        var subscriptions = async ? await query.ToListAsync(cancellationToken) : query.ToList();
        if (subscriptions.Count == 0)
            return;
        var received = subscriptions
            .SelectMany(s => s.EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => (s.OrganizationId, Type: t)))
            .ToHashSet();

        var now = db.Clock?.UtcNow ?? DateTimeOffset.UtcNow;
        var links = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<IAppLinks>();
        Func<string, string> link = links is null ? path => path : links.Spa;
        foreach (var fact in facts)
        {
            if (WebhookEvents.Describe(fact, link, now) is { } webhookEvent && received.Contains((fact.OrganizationId, webhookEvent.Type)))
                db.OutboxMessages.Add(OutboxMessage.WebhookEvent(fact.OrganizationId, webhookEvent.Type, webhookEvent.ResourceKey, WebhookSequence.Next(),
                    webhookEvent.Payload, now));
        }
    }
}
