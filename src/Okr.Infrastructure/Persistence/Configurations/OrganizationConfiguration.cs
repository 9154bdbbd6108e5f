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

internal sealed class ServiceAccountConfiguration : IEntityTypeConfiguration<ServiceAccount>
{
    public void Configure(EntityTypeBuilder<ServiceAccount> builder)
    {
        builder.IsTenantAggregate();
        builder.Property(a => a.Name).HasMaxLength(TextLimits.Name);
        builder.Ignore(a => a.IsEnabled);
        builder.Ignore(a => a.Role);
        builder.HasOne<Person>().WithOne().HasForeignKey<ServiceAccount>(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.PersonId).IsUnique();
        builder.HasOne<Okr.Domain.Units.OrgUnit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.References<ServiceAccount, Person>(a => a.CreatedById);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.IsTenantOwned();
        builder.Property(k => k.Name).HasMaxLength(TextLimits.Name);
        builder.Property(k => k.PublicId).HasMaxLength(32);
        builder.Property(k => k.SecretHash).HasMaxLength(128);
        // A presented key is found by its public id, before any organisation is known.
        builder.HasIndex(k => k.PublicId).IsUnique();
        builder.HasOne<ServiceAccount>().WithMany().HasForeignKey(k => k.ServiceAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
