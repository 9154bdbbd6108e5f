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
