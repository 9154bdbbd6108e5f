using Microsoft.EntityFrameworkCore;

using Okr.Domain.Audit;
using Okr.Domain.KeyResults;
using Okr.Domain.Messaging;
using Okr.Domain.Objectives;
using Okr.Domain.Organizations;
using Okr.Domain.Periods;
using Okr.Domain.Units;
using Okr.Domain.Work;

namespace Okr.Application.Common.Interfaces;

/// <summary>
/// The persistence port. Handlers use it directly (no repository layer on top of EF). Every set is already
/// scoped to the caller's organisation by a global query filter.
/// </summary>
public interface IOkrDbContext
{
    DbSet<Organization> Organizations { get; }
    DbSet<Person> People { get; }
    DbSet<Invitation> Invitations { get; }
    DbSet<ServiceAccount> ServiceAccounts { get; }
    DbSet<ApiKey> ApiKeys { get; }
    DbSet<OrgUnit> OrgUnits { get; }
    DbSet<UnitMembership> UnitMemberships { get; }
    /// <summary>Each unit's maintained progress per period (ADR 0024): written by the persistence layer, read by trees.</summary>
    DbSet<UnitProgressSums> UnitProgress { get; }
    DbSet<Period> Periods { get; }
    DbSet<Checkpoint> Checkpoints { get; }
    DbSet<FocusArea> FocusAreas { get; }
    DbSet<Objective> Objectives { get; }
    DbSet<RaciAssignment> RaciAssignments { get; }
    DbSet<Alignment> Alignments { get; }
    DbSet<KeyResult> KeyResults { get; }
    DbSet<CheckIn> CheckIns { get; }
    DbSet<Initiative> Initiatives { get; }
    DbSet<InitiativeKeyResult> InitiativeKeyResults { get; }
    DbSet<Kpi> Kpis { get; }
    DbSet<KpiValue> KpiValues { get; }
    DbSet<KpiKeyResult> KpiKeyResults { get; }
    DbSet<Annotation> Annotations { get; }
    DbSet<AnnotationTarget> AnnotationTargets { get; }
    DbSet<Comment> Comments { get; }
    DbSet<AuditEvent> AuditEvents { get; }
    /// <summary>Emails waiting to be sent: add one in the same save as the change that causes it.</summary>
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<Okr.Domain.Reminders.ReminderDelivery> ReminderDeliveries { get; }
    /// <summary>People's inboxes (ADR 0028): written by the persistence layer from the facts a save carries.</summary>
    DbSet<Okr.Domain.Notifications.Notification> Notifications { get; }
    DbSet<Okr.Domain.Notifications.ObjectiveFollower> ObjectiveFollowers { get; }
    DbSet<Okr.Domain.Notifications.NotificationPreference> NotificationPreferences { get; }
    DbSet<Okr.Domain.Reviews.BusinessReview> BusinessReviews { get; }
    DbSet<EmailOptOut> EmailOptOuts { get; }
    DbSet<Okr.Domain.Webhooks.WebhookSubscription> WebhookSubscriptions { get; }
    DbSet<Okr.Domain.Webhooks.WebhookDelivery> WebhookDeliveries { get; }

    Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
