using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Okr.Application.Common.Behaviours;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Domain.Audit;
using Okr.Domain.Common;
using Okr.Domain.KeyResults;
using Okr.Domain.Messaging;
using Okr.Domain.Objectives;
using Okr.Domain.Organizations;
using Okr.Domain.Periods;
using Okr.Domain.Units;
using Okr.Domain.Work;
using Okr.Infrastructure.Identity;

namespace Okr.Infrastructure.Persistence;

/// <summary>
/// The whole model, shared by the three providers (each has a thin derived context with its own migrations).
/// Every tenant-owned row is filtered to the caller's organisation, every write across organisations is
/// refused, aggregates carry an application-managed version, and commands leave an audit trail.
/// </summary>
public abstract class OkrDbContext : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>, IOkrDbContext
{
    /// <summary>Name of the global query filter that scopes rows to the caller's organisation.</summary>
    public const string TenantFilter = QueryFilters.Tenant;
    /// <summary>Name of the global query filter that hides soft-deleted rows.</summary>
    public const string SoftDeleteFilter = QueryFilters.SoftDelete;

    internal static readonly JsonSerializerOptions AuditJson = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private readonly ICurrentUser? _currentUser;
    private readonly AuditScope? _audit;
    private readonly IClock? _clock;

    protected OkrDbContext(DbContextOptions options, ICurrentUser? currentUser, AuditScope? audit, IClock? clock) : base(options)
    {
        _currentUser = currentUser;
        _audit = audit;
        _clock = clock;
    }

    /// <summary>The organisation every query is scoped to; <see cref="Guid.Empty"/> (matches nothing) when the caller has none.</summary>
    public Guid CurrentOrganizationId => _currentUser?.OrganizationId ?? Guid.Empty;

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<UnitMembership> UnitMemberships => Set<UnitMembership>();
    public DbSet<Period> Periods => Set<Period>();
    public DbSet<Checkpoint> Checkpoints => Set<Checkpoint>();
    public DbSet<FocusArea> FocusAreas => Set<FocusArea>();
    public DbSet<Objective> Objectives => Set<Objective>();
    public DbSet<RaciAssignment> RaciAssignments => Set<RaciAssignment>();
    public DbSet<Alignment> Alignments => Set<Alignment>();
    public DbSet<KeyResult> KeyResults => Set<KeyResult>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<Initiative> Initiatives => Set<Initiative>();
    public DbSet<InitiativeKeyResult> InitiativeKeyResults => Set<InitiativeKeyResult>();
    public DbSet<Kpi> Kpis => Set<Kpi>();
    public DbSet<KpiValue> KpiValues => Set<KpiValue>();
    public DbSet<KpiKeyResult> KpiKeyResults => Set<KpiKeyResult>();
    public DbSet<Annotation> Annotations => Set<Annotation>();
    public DbSet<AnnotationTarget> AnnotationTargets => Set<AnnotationTarget>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as their names: readable in the database and stable when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<decimal>().HavePrecision(20, 6);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OkrDbContext).Assembly);

        builder.Entity<Organization>().HasQueryFilter(TenantFilter, o => o.Id == CurrentOrganizationId);
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => !t.IsOwned() && typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            var row = Expression.Parameter(entityType.ClrType, "row");
            var filter = Expression.Lambda(
                Expression.Equal(
                    Expression.Property(row, nameof(ITenantOwned.OrganizationId)),
                    Expression.Property(Expression.Constant(this), nameof(CurrentOrganizationId))),
                row);
            builder.Entity(entityType.ClrType).HasQueryFilter(TenantFilter, filter);
        }
        // Ids are read and written through the property, whose getter makes a new entity's id (see Entity.Id).
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType) && t.BaseType is null))
            builder.Entity(entityType.ClrType).Property(nameof(Entity.Id)).UsePropertyAccessMode(PropertyAccessMode.Property);
        builder.Entity<KeyResult>().HasQueryFilter(SoftDeleteFilter, k => !k.IsDeleted);
        builder.Entity<Comment>().HasQueryFilter(SoftDeleteFilter, c => !c.IsDeleted);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        // Nothing in the preparation awaits when async is false, so this completes synchronously.
        PrepareSaveAsync(async: false, CancellationToken.None).GetAwaiter().GetResult();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw Stale(ex);
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changed = await PrepareSaveAsync(async: true, cancellationToken);
        var rollups = await RollupChanges.BeforeSaveAsync(this, changed, cancellationToken);
        int saved;
        try
        {
            saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw Stale(ex);
        }
        await RollupChanges.AfterSaveAsync(this, rollups, cancellationToken);
        return saved;
    }

    private static ConcurrencyException Stale(DbUpdateConcurrencyException ex)
    {
        var what = ex.Entries.Count > 0 ? ex.Entries[0].Metadata.ClrType.Name : "resource";
        return new ConcurrencyException($"This {what} was changed by someone else since you read it. Reload it and try again.");
    }

    private async Task<List<EntityEntry>> PrepareSaveAsync(bool async, CancellationToken cancellationToken)
    {
        ChangeTracker.DetectChanges();
        var changed = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        GuardTenantBoundary(changed);
        GuardTextLengths(changed);
        BumpVersions(changed);
        await WriteAuditTrailAsync(changed, async, cancellationToken);
        return changed;
    }

    /// <summary>
    /// Text longer than its column is refused as a validation failure naming the property, before the database sees it:
    /// PostgreSQL and SQL Server would fail the statement, SQLite would store it. Validators give the same limits to each
    /// command; this is what catches a limit a validator lacks (and ASP.NET Core Identity's own writes). See ADR 0017.
    /// </summary>
    private static void GuardTextLengths(List<EntityEntry> changed)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var entry in changed.Where(e => e.State is EntityState.Added or EntityState.Modified))
            foreach (var property in entry.Properties.Concat(entry.ComplexProperties.SelectMany(c => c.Properties)))
                if (property.CurrentValue is string text && property.Metadata.GetMaxLength() is { } limit && text.Length > limit
                    && !property.Metadata.Name.StartsWith("Normalized", StringComparison.Ordinal))
                    failures.Add(new(property.Metadata.Name, $"At most {limit} characters."));
        if (failures.Count > 0)
            throw new FluentValidation.ValidationException(failures);
    }

    /// <summary>Defence in depth behind the query filters: no write may touch another organisation's rows.</summary>
    private void GuardTenantBoundary(List<EntityEntry> changed)
    {
        if (_currentUser?.OrganizationId is not { } organizationId)
            return;
        foreach (var entry in changed)
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
    }

    /// <summary>
    /// New aggregates start at version 1; a changed aggregate, or one whose owned rows changed (checkpoints of a
    /// period, members of a unit, the key results of an objective, …: whatever a cascading foreign key ties to it),
    /// moves to the next version. The original version is the concurrency token, so a concurrent writer fails
    /// instead of overwriting. An objective's ETag therefore covers its key results' definitions; check-ins and the
    /// values they maintain move no version.
    /// </summary>
    private void BumpVersions(List<EntityEntry> changed)
    {
        var roots = new HashSet<EntityEntry>();
        var tracked = ChangeTracker.Entries<IVersioned>()
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
    }

    /// <summary>
    /// One audit event per changed row, with the changed values before and after, in the same save; each tagged with
    /// the objective whose history it belongs to (see <see cref="AuditEvent.ObjectiveId"/>).
    /// </summary>
    private async Task WriteAuditTrailAsync(List<EntityEntry> changed, bool async, CancellationToken cancellationToken)
    {
        if (_audit?.Action is not { } action)
            return;
        var now = _clock?.UtcNow ?? DateTimeOffset.UtcNow;
        var events = new List<(AuditEvent Event, Guid? KeyResultId)>();
        foreach (var entry in changed)
        {
            var entityType = entry.Metadata.ClrType.Name;
            var (organizationId, entityId) = entry.Entity switch
            {
                AuditEvent => (Guid.Empty, Guid.Empty),
                ITenantOwned owned => (owned.OrganizationId, ((Entity)entry.Entity).Id),
                Organization organization => (organization.Id, organization.Id),
                _ => (Guid.Empty, Guid.Empty),
            };
            // An owned value (an initiative's external reference, an objective's retrospective) has an entry of its
            // own: it is recorded against its owner, as "Owner.Navigation".
            var subject = entry;
            if (organizationId == Guid.Empty && OwnerOf(entry) is { Entity: ITenantOwned owner and Entity ownerEntity } ownerEntry)
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
                .Where(p => entry.State != EntityState.Modified || p.IsModified)
                .ToList();
            if (entry.State == EntityState.Modified && properties.Count == 0)
                continue;

            string? Snapshot(Func<PropertyEntry, object?> value) =>
                JsonSerializer.Serialize(properties.ToDictionary(p => p.Metadata.Name, value), AuditJson);

            var (objectiveId, relatedObjectiveId, keyResultId) = HistorySubjectOf(subject);
            events.Add((new AuditEvent(
                organizationId,
                _currentUser?.PersonId,
                action,
                entityType,
                entityId,
                now,
                before: entry.State == EntityState.Added ? null : Snapshot(p => p.OriginalValue),
                after: entry.State == EntityState.Deleted ? null : Snapshot(p => p.CurrentValue),
                objectiveId,
                relatedObjectiveId), objectiveId is null ? keyResultId : null));
        }

        // Rows that hang off a key result (check-ins, links, annotations, its comments) belong to its objective's history.
        var keyResultIds = events.Where(e => e.KeyResultId is not null).Select(e => e.KeyResultId!.Value).Distinct().ToList();
        var objectiveOf = new Dictionary<Guid, Guid>();
        foreach (var tracked in ChangeTracker.Entries<KeyResult>().Where(k => keyResultIds.Contains(k.Entity.Id)))
            objectiveOf[tracked.Entity.Id] = tracked.Entity.ObjectiveId;
        var untracked = keyResultIds.Where(id => !objectiveOf.ContainsKey(id)).ToList();
        if (untracked.Count > 0)
        {
            var query = KeyResults.IgnoreQueryFilters([SoftDeleteFilter]).AsNoTracking()
                .Where(k => untracked.Contains(k.Id)).Select(k => new { k.Id, k.ObjectiveId });
            foreach (var row in async ? await query.ToListAsync(cancellationToken) : query.ToList())
                objectiveOf[row.Id] = row.ObjectiveId;
        }
        foreach (var (auditEvent, keyResultId) in events)
        {
            if (keyResultId is { } id && objectiveOf.TryGetValue(id, out var objectiveId))
                auditEvent.BelongsTo(objectiveId);
            AuditEvents.Add(auditEvent);
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
    private EntityEntry? OwnerOf(EntityEntry entry)
    {
        if (entry.Metadata.FindOwnership() is not { } ownership)
            return null;
        var keyProperty = entry.Property(ownership.Properties[0].Name);
        var key = entry.State == EntityState.Deleted ? keyProperty.OriginalValue : keyProperty.CurrentValue;
        return ChangeTracker.Entries().FirstOrDefault(e => e.Metadata == ownership.PrincipalEntityType && e.Entity is Entity owner && Equals(owner.Id, key));
    }
}
