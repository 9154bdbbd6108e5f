using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okr.Domain.Common;
using Okr.Domain.Organizations;
using Okr.Infrastructure.Identity;

namespace Okr.Infrastructure.Persistence.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Property(o => o.Name).HasMaxLength(TextLimits.Name);
        builder.ComplexProperty(o => o.Settings, settings =>
        {
            settings.Ignore(s => s.StalenessWindow);
        });
        builder.ComplexProperty(o => o.Reminders, reminders =>
        {
            // Existing organisations get ReminderSettings.Default's values from the migration (off, Monday 9:00, UTC).
            reminders.Property(r => r.TimeZone).HasMaxLength(64);
        });
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.IsTenantAggregate();
        builder.Property(p => p.DisplayName).HasMaxLength(TextLimits.Name);
        builder.Property(p => p.Email).HasMaxLength(TextLimits.Email);
        builder.Property(p => p.TimeZone).HasMaxLength(64);
        builder.Ignore(p => p.IsAdmin);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        // One organisation per sign-in identity.
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.HasIndex(p => new { p.OrganizationId, p.Email }).IsUnique();
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.IsTenantAggregate();
        builder.Property(i => i.Email).HasMaxLength(TextLimits.Email);
        builder.Property(i => i.TokenHash).HasMaxLength(128);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.OrganizationId, i.Email });
        builder.References<Invitation, Person>(i => i.InvitedById);
        builder.References<Invitation, Person>(i => i.AcceptedByPersonId);
    }
}
