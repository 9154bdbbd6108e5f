using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okr.Domain.Common;
using Okr.Domain.Messaging;

namespace Okr.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasMaxLength(TextLimits.Code);
        builder.Property(m => m.Recipient).HasMaxLength(TextLimits.Email);
        builder.Property(m => m.Subject).HasMaxLength(TextLimits.Title);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorLength);
        builder.Property(m => m.ListUnsubscribeUrl).HasMaxLength(TextLimits.Url);
        // What the dispatcher looks for: pending messages that are due.
        builder.HasIndex(m => new { m.State, m.NextAttemptAt });
        builder.HasIndex(m => m.OrganizationId);
    }
}

internal sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<Okr.Domain.Reminders.ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<Okr.Domain.Reminders.ReminderDelivery> builder)
    {
        builder.IsTenantOwned();
        // The guarantee: one reminder of a kind per recipient, subject person and cycle, whoever tries to write a second.
        builder.HasIndex(d => new { d.RecipientId, d.SubjectPersonId, d.Cycle, d.Kind }).IsUnique();
        builder.References<Okr.Domain.Reminders.ReminderDelivery, Okr.Domain.Organizations.Person>(d => d.RecipientId);
        builder.References<Okr.Domain.Reminders.ReminderDelivery, Okr.Domain.Organizations.Person>(d => d.SubjectPersonId);
        builder.References<Okr.Domain.Reminders.ReminderDelivery, OutboxMessage>(d => d.OutboxMessageId);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<Idempotency.IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<Idempotency.IdempotencyRecord> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Key).HasMaxLength(255);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(2000);
        builder.Property(r => r.ETag).HasMaxLength(100);
        // One claim per caller, organisation and key, whichever replica asks first.
        builder.HasIndex(r => new { r.UserId, r.OrganizationId, r.Key }).IsUnique();
        builder.HasIndex(r => r.CreatedAt);
    }
}
