using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okr.Domain.Common;
using Okr.Domain.Periods;

namespace Okr.Infrastructure.Persistence.Configurations;

internal sealed class PeriodConfiguration : IEntityTypeConfiguration<Period>
{
    public void Configure(EntityTypeBuilder<Period> builder)
    {
        builder.IsTenantAggregate();
        builder.Property(p => p.Name).HasMaxLength(TextLimits.Name);
        builder.Ignore(p => p.IsClosed);
        builder.Ignore(p => p.StartsAt);
        builder.Ignore(p => p.EndsAt);
        builder.HasOne<Period>().WithMany().HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.OrganizationId, p.Start });
        builder.HasMany(p => p.Checkpoints).WithOne().HasForeignKey(c => c.PeriodId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Checkpoints).AutoInclude();
    }
}

internal sealed class CheckpointConfiguration : IEntityTypeConfiguration<Checkpoint>
{
    public void Configure(EntityTypeBuilder<Checkpoint> builder)
    {
        builder.IsTenantOwned();
        builder.Property(c => c.Name).HasMaxLength(TextLimits.Name);
        builder.HasIndex(c => new { c.PeriodId, c.Date });
    }
}

internal sealed class FocusAreaConfiguration : IEntityTypeConfiguration<FocusArea>
{
    public void Configure(EntityTypeBuilder<FocusArea> builder)
    {
        builder.IsTenantAggregate();
        builder.Property(f => f.Title).HasMaxLength(TextLimits.Title);
        builder.Property(f => f.Description).HasMaxLength(TextLimits.LongText);
        builder.HasOne<Period>().WithMany().HasForeignKey(f => f.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.OrganizationId, f.PeriodId });
    }
}
