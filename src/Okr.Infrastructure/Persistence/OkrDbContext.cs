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

    private static readonly JsonSerializerOptions AuditJson = new()
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
        builder.Entity<KeyResult>().HasQueryFilter(SoftDeleteFilter, k => !k.IsDeleted);
        builder.Entity<Comment>().HasQueryFilter(SoftDeleteFilter, c => !c.IsDeleted);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareSave();
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
        PrepareSave();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw Stale(ex);
        }
    }

    private static ConcurrencyException Stale(DbUpdateConcurrencyException ex)
    {
        var what = ex.Entries.Count > 0 ? ex.Entries[0].Metadata.ClrType.Name : "resource";
        return new ConcurrencyException($"This {what} was changed by someone else since you read it. Reload it and try again.");
    }

    private void PrepareSave()
    {
        ChangeTracker.DetectChanges();
        var changed = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        GuardTenantBoundary(changed);
        BumpVersions(changed);
        WriteAuditTrail(changed);
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
    /// instead of overwriting. An objective's ETag therefore covers its key results, as its representation does.
    /// </summary>
    private void BumpVersions(List<EntityEntry> changed)
    {
        var roots = new HashSet<EntityEntry>();
        var tracked = ChangeTracker.Entries<IVersioned>()
            .Where(e => e.Entity is Entity)
            .ToDictionary(e => (e.Metadata.ClrType, ((Entity)e.Entity).Id));

        foreach (var entry in changed)
        {
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

    /// <summary>One audit event per changed row, with the changed values before and after, in the same save.</summary>
    private void WriteAuditTrail(List<EntityEntry> changed)
    {
        if (_audit?.Action is not { } action)
            return;
        var now = _clock?.UtcNow ?? DateTimeOffset.UtcNow;
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
            if (organizationId == Guid.Empty && OwnerOf(entry) is { Entity: ITenantOwned owner and Entity ownerEntity } ownerEntry)
            {
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

            AuditEvents.Add(new AuditEvent(
                organizationId,
                _currentUser?.PersonId,
                action,
                entityType,
                entityId,
                now,
                before: entry.State == EntityState.Added ? null : Snapshot(p => p.OriginalValue),
                after: entry.State == EntityState.Deleted ? null : Snapshot(p => p.CurrentValue)));
        }
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
