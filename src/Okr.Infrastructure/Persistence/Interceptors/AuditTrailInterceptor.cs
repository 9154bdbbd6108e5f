using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Okr.Domain.Audit;
using Okr.Domain.Common;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Organizations;

namespace Okr.Infrastructure.Persistence.Interceptors;

/// <summary>
/// When a command runs (the transaction behaviour names it): one audit event per changed row, with the changed values
/// before and after, in the same save; each tagged with the objective whose history it belongs to (see
/// <see cref="AuditEvent.ObjectiveId"/>) and with the command's <see cref="AuditEvent.Kind"/>.
/// </summary>
public sealed class AuditTrailInterceptor : OkrSaveInterceptor
{
    internal static readonly JsonSerializerOptions AuditJson = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    protected override async Task SavingAsync(OkrDbContext db, bool async, CancellationToken cancellationToken)
    {
        if (db.Audit?.Action is not { } action)
            return;
        var kind = db.Audit.Kind;
        var now = db.Clock?.UtcNow ?? DateTimeOffset.UtcNow;
        var events = new List<(AuditEvent Event, Guid? KeyResultId)>();
        foreach (var entry in SaveInterceptors.ChangedEntries(db))
        {
            // A person's own bookkeeping (notifications, follows, preferences) is nobody's history.
            if (entry.Entity is IPersonalRecord)
                continue;
            var entityType = entry.Metadata.ClrType.Name;
            var (organizationId, entityId) = entry.Entity switch
            {
                AuditEvent => (Guid.Empty, Guid.Empty),
                ITenantOwned owned and Entity entity => (owned.OrganizationId, entity.Id),
                Organization organization => (organization.Id, organization.Id),
                _ => (Guid.Empty, Guid.Empty),
            };
            // An owned value (an initiative's external reference, an objective's retrospective) has an entry of its
            // own: it is recorded against its owner, as "Owner.Navigation".
            var subject = entry;
            if (organizationId == Guid.Empty && OwnerOf(db, entry) is { Entity: ITenantOwned owner and Entity ownerEntity } ownerEntry)
            {
                subject = ownerEntry;
                (organizationId, entityId) = (owner.OrganizationId, ownerEntity.Id);
                entityType = $"{ownerEntry.Metadata.ClrType.Name}.{entry.Metadata.FindOwnership()!.PrincipalToDependent?.Name}";
            }
            if (organizationId == Guid.Empty)
                continue;

            var properties = entry.Properties
                .Concat(entry.ComplexProperties.SelectMany(c => c.Properties))
                .Where(p => p.Metadata.Name != nameof(IVersioned.Version) && !p.Metadata.IsShadowProperty())
                // Secrets (a key's hash, a webhook's encrypted signing secret) never reach the audit trail (ADR 0030).
                .Where(p => !p.Metadata.Name.Contains("Secret", StringComparison.Ordinal))
                .Where(p => entry.State != EntityState.Modified || p.IsModified)
                .ToList();
            if (entry.State == EntityState.Modified && properties.Count == 0)
                continue;

            string? Snapshot(Func<PropertyEntry, object?> value) =>
                JsonSerializer.Serialize(properties.ToDictionary(p => p.Metadata.Name, value), AuditJson);

            var (objectiveId, relatedObjectiveId, keyResultId) = HistorySubjectOf(subject);
            events.Add((new AuditEvent(
                organizationId,
                db.CurrentUser?.PersonId,
                action,
                entityType,
                entityId,
                now,
                before: entry.State == EntityState.Added ? null : Snapshot(p => p.OriginalValue),
                after: entry.State == EntityState.Deleted ? null : Snapshot(p => p.CurrentValue),
                objectiveId,
                relatedObjectiveId,
                kind), objectiveId is null ? keyResultId : null));
        }

        // Rows that hang off a key result (check-ins, links, annotations, its comments) belong to its objective's history.
        var keyResultIds = events.Where(e => e.KeyResultId is not null).Select(e => e.KeyResultId!.Value).Distinct().ToList();
        var objectiveOf = new Dictionary<Guid, Guid>();
        foreach (var tracked in db.ChangeTracker.Entries<KeyResult>().Where(k => keyResultIds.Contains(k.Entity.Id)))
            objectiveOf[tracked.Entity.Id] = tracked.Entity.ObjectiveId;
        var untracked = keyResultIds.Where(id => !objectiveOf.ContainsKey(id)).ToList();
        if (untracked.Count > 0)
        {
            var query = db.KeyResults.IgnoreQueryFilters([OkrDbContext.SoftDeleteFilter]).AsNoTracking()
                .Where(k => untracked.Contains(k.Id)).Select(k => new { k.Id, k.ObjectiveId });
            foreach (var row in async ? await query.ToListAsync(cancellationToken) : query.ToList())
                objectiveOf[row.Id] = row.ObjectiveId;
        }
        foreach (var (auditEvent, keyResultId) in events)
        {
            if (keyResultId is { } id && objectiveOf.TryGetValue(id, out var objectiveId))
                auditEvent.BelongsTo(objectiveId);
            db.AuditEvents.Add(auditEvent);
        }
    }

    /// <summary>
    /// Which objective's history a changed row belongs to: an objective (or a value it owns) to itself; an alignment
    /// to its child, and to its parent as the related objective; any other row to the objective it names, else to
    /// the key result it names (resolved by the caller).
    /// </summary>
    private static (Guid? ObjectiveId, Guid? RelatedObjectiveId, Guid? KeyResultId) HistorySubjectOf(EntityEntry entry) => entry.Entity switch
    {
        Objective objective => (objective.Id, null, null),
        Alignment => (GuidOf(entry, nameof(Alignment.ChildObjectiveId)), GuidOf(entry, nameof(Alignment.ParentObjectiveId)), null),
        _ => (GuidOf(entry, nameof(KeyResult.ObjectiveId)), null, GuidOf(entry, nameof(CheckIn.KeyResultId))),
    };

    private static Guid? GuidOf(EntityEntry entry, string property)
    {
        if (entry.Metadata.FindProperty(property) is null)
            return null;
        var value = entry.Property(property);
        return (entry.State == EntityState.Deleted ? value.OriginalValue : value.CurrentValue) as Guid?;
    }

    /// <summary>The tracked owner of an owned entity's entry; null for any other entry.</summary>
    private static EntityEntry? OwnerOf(DbContext db, EntityEntry entry)
    {
        if (entry.Metadata.FindOwnership() is not { } ownership)
            return null;
        var keyProperty = entry.Property(ownership.Properties[0].Name);
        var key = entry.State == EntityState.Deleted ? keyProperty.OriginalValue : keyProperty.CurrentValue;
        return db.ChangeTracker.Entries().FirstOrDefault(e => e.Metadata == ownership.PrincipalEntityType && e.Entity is Entity owner && Equals(owner.Id, key));
    }
}
