using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okr.Domain.Units;

namespace Okr.Infrastructure.Persistence.Configurations;

/// <summary>
/// One row per unit and period (ADR 0024). No foreign keys: the rows are derived, created with their unit or period and
/// deleted with them by the rollup, and a rebuild recreates them from the source rows.
/// </summary>
internal sealed class UnitProgressConfiguration : IEntityTypeConfiguration<UnitProgressSums>
{
    public void Configure(EntityTypeBuilder<UnitProgressSums> builder)
    {
        builder.ToTable("UnitProgress");
        builder.HasKey(u => new { u.PeriodId, u.UnitId });
        builder.HasIndex(u => u.OrganizationId);
        builder.Ignore(u => u.Own);
        builder.Ignore(u => u.WithDescendants);
    }
}
