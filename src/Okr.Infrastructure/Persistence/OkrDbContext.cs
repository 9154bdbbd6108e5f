using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
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
/// Every tenant-owned row is filtered to the caller's organisation. What every save does on top (writes across
/// organisations refused, application-managed versions, the audit trail, maintained rollups) is done by the save
/// interceptors registered with the context's options (<see cref="Interceptors.SaveInterceptors"/>).
/// </summary>
public abstract class OkrDbContext : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>, IOkrDbContext
{
    /// <summary>Name of the global query filter that scopes rows to the caller's organisation.</summary>
    public const string TenantFilter = QueryFilters.Tenant;
    /// <summary>Name of the global query filter that hides soft-deleted rows.</summary>
    public const string SoftDeleteFilter = QueryFilters.SoftDelete;

    private readonly ICurrentUser? _currentUser;
    private readonly AuditScope? _audit;
    private readonly IClock? _clock;
    private readonly IAppLinks? _links;

    protected OkrDbContext(DbContextOptions options, ICurrentUser? currentUser, AuditScope? audit, IClock? clock, IAppLinks? links = null) : base(options)
    {
        _currentUser = currentUser;
        _audit = audit;
        _clock = clock;
        _links = links;
    }

    /// <summary>The organisation every query is scoped to; <see cref="Guid.Empty"/> (matches nothing) when the caller has none.</summary>
    public Guid CurrentOrganizationId => _currentUser?.OrganizationId ?? Guid.Empty;

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<ServiceAccount> ServiceAccounts => Set<ServiceAccount>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<UnitMembership> UnitMemberships => Set<UnitMembership>();
    public DbSet<UnitProgressSums> UnitProgress => Set<UnitProgressSums>();
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
    public DbSet<Okr.Domain.Reminders.ReminderDelivery> ReminderDeliveries => Set<Okr.Domain.Reminders.ReminderDelivery>();
    public DbSet<Okr.Domain.Notifications.Notification> Notifications => Set<Okr.Domain.Notifications.Notification>();
    public DbSet<Okr.Domain.Notifications.ObjectiveFollower> ObjectiveFollowers => Set<Okr.Domain.Notifications.ObjectiveFollower>();
    public DbSet<Okr.Domain.Notifications.NotificationPreference> NotificationPreferences => Set<Okr.Domain.Notifications.NotificationPreference>();
    public DbSet<Okr.Domain.Reviews.BusinessReview> BusinessReviews => Set<Okr.Domain.Reviews.BusinessReview>();
    public DbSet<EmailOptOut> EmailOptOuts => Set<EmailOptOut>();
    public DbSet<Okr.Domain.Webhooks.WebhookSubscription> WebhookSubscriptions => Set<Okr.Domain.Webhooks.WebhookSubscription>();
    public DbSet<Okr.Domain.Webhooks.WebhookDelivery> WebhookDeliveries => Set<Okr.Domain.Webhooks.WebhookDelivery>();
    /// <summary>Idempotency keys of POSTs (ADR 0027): infrastructure, not a port of the use cases.</summary>
    public DbSet<Idempotency.IdempotencyRecord> IdempotencyRecords => Set<Idempotency.IdempotencyRecord>();

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

    /// <summary>The caller, for the tenant filter and the save interceptors (the tenant guard, the audit trail's actor).</summary>
    internal ICurrentUser? CurrentUser => _currentUser;
    /// <summary>The command being handled, if any: the audit trail writes nothing without one.</summary>
    internal AuditScope? Audit => _audit;
    internal IClock? Clock => _clock;
    /// <summary>Absolute links into the SPA, for the notification emails the save writes (ADR 0028).</summary>
    internal IAppLinks? Links => _links;
    /// <summary>What the rollup interceptor found before the save in progress, for after it (see <see cref="Interceptors.RollupInterceptor"/>).</summary>
    internal RollupChanges.Pending? PendingRollups { get; set; }

    // What a save does besides writing (the tenant guard, text lengths, rollups, versions, the audit trail) is in the
    // save interceptors (Persistence/Interceptors, ADR 0019); the context only translates a lost race into the
    // application's exception.
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
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
}
