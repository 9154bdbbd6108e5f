using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okr.Domain.Common;
using Okr.Domain.Notifications;
using Okr.Domain.Objectives;
using Okr.Domain.Organizations;

namespace Okr.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.IsTenantOwned();
        builder.Property(n => n.Text).HasMaxLength(Notification.TextLength);
        builder.Property(n => n.Link).HasMaxLength(TextLimits.Url);
        // The guarantee: one notification per recipient and event, whoever tries to write a second.
        builder.HasIndex(n => new { n.RecipientId, n.EventId }).IsUnique();
        // The inbox: a person's newest first, and their unread count.
        builder.HasIndex(n => new { n.RecipientId, n.CreatedAt });
        builder.HasIndex(n => new { n.RecipientId, n.ReadAt });
        builder.References<Notification, Person>(n => n.RecipientId);
        builder.References<Notification, Person>(n => n.ActorId);
    }
}

internal sealed class ObjectiveFollowerConfiguration : IEntityTypeConfiguration<ObjectiveFollower>
{
    public void Configure(EntityTypeBuilder<ObjectiveFollower> builder)
    {
        builder.IsTenantOwned();
        // Following twice is following: the key makes follow idempotent whoever races.
        builder.HasIndex(f => new { f.FollowedObjectiveId, f.PersonId }).IsUnique();
        builder.HasIndex(f => f.PersonId);
        builder.HasOne<Objective>().WithMany().HasForeignKey(f => f.FollowedObjectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.References<ObjectiveFollower, Person>(f => f.PersonId);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.IsTenantOwned();
        builder.HasIndex(p => new { p.PersonId, p.Kind }).IsUnique();
        builder.References<NotificationPreference, Person>(p => p.PersonId);
    }
}
