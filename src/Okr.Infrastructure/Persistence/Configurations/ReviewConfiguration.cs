using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okr.Domain.Common;
using Okr.Domain.Messaging;
using Okr.Domain.Organizations;
using Okr.Domain.Periods;
using Okr.Domain.Reviews;
using Okr.Domain.Units;

namespace Okr.Infrastructure.Persistence.Configurations;

internal sealed class BusinessReviewConfiguration : IEntityTypeConfiguration<BusinessReview>
{
    public void Configure(EntityTypeBuilder<BusinessReview> builder)
    {
        builder.IsTenantOwned();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Period>().WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.References<BusinessReview, Person>(r => r.RequestedById);
        // The guarantee of the schedule: one review per unit, period and scheduled instant, whoever writes a second
        // (on demand, ScheduledFor is null: NULLs are distinct on SQLite and PostgreSQL, and SQL Server's index is
        // filtered to non-null values by EF Core's convention).
        builder.HasIndex(r => new { r.UnitId, r.PeriodId, r.ScheduledFor }).IsUnique();
        builder.HasIndex(r => new { r.UnitId, r.PeriodId, r.AsOf });
    }
}

internal sealed class EmailOptOutConfiguration : IEntityTypeConfiguration<EmailOptOut>
{
    public void Configure(EntityTypeBuilder<EmailOptOut> builder)
    {
        builder.IsTenantOwned();
        builder.Property(o => o.Kind).HasMaxLength(TextLimits.Code);
        builder.References<EmailOptOut, Person>(o => o.PersonId);
        builder.HasIndex(o => new { o.PersonId, o.Kind }).IsUnique();
    }
}
