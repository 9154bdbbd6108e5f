using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okr.Domain.Common;
using Okr.Domain.Organizations;
using Okr.Domain.Units;

namespace Okr.Infrastructure.Persistence.Configurations;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> builder)
    {
        builder.IsTenantAggregate();
        builder.Property(u => u.Name).HasMaxLength(TextLimits.Name);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.OrganizationId, u.ParentId });
        builder.HasMany(u => u.Members).WithOne().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(u => u.Members).AutoInclude();
    }
}

internal sealed class UnitMembershipConfiguration : IEntityTypeConfiguration<UnitMembership>
{
    public void Configure(EntityTypeBuilder<UnitMembership> builder)
    {
        builder.IsTenantOwned();
        builder.References<UnitMembership, Person>(m => m.PersonId);
        builder.HasIndex(m => new { m.UnitId, m.PersonId }).IsUnique();
        builder.HasIndex(m => m.PersonId);
    }
}
