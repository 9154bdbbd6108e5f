using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okr.Domain.Common;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Organizations;
using Okr.Domain.Periods;
using Okr.Domain.Units;

namespace Okr.Infrastructure.Persistence.Configurations;

internal sealed class ObjectiveConfiguration : IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<Objective> builder)
    {
        builder.IsTenantAggregate();
        builder.Property(o => o.Title).HasMaxLength(TextLimits.Title);
        foreach (var text in new[] { nameof(Objective.Description), nameof(Objective.SuccessCriteria), nameof(Objective.TargetAudience),
                     nameof(Objective.Risks), nameof(Objective.Dependencies), nameof(Objective.GradeOverrideReason) })
            builder.Property<string?>(text).HasMaxLength(TextLimits.LongText);
        builder.Ignore(o => o.FinalGrade);
        builder.Ignore(o => o.IsOpen);
        builder.Ignore(o => o.LiveKeyResults);

        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(o => o.OwningUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Period>().WithMany().HasForeignKey(o => o.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FocusArea>().WithMany().HasForeignKey(o => o.FocusAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Objective>().WithMany().HasForeignKey(o => o.RolledOverFromId).OnDelete(DeleteBehavior.Restrict);
        builder.References<Objective, Person>(o => o.OwnerId);

        // The hierarchy reads: a period's objectives by unit, and by owner.
        builder.HasIndex(o => new { o.OrganizationId, o.PeriodId, o.OwningUnitId });
        builder.HasIndex(o => o.OwningUnitId);
        builder.HasIndex(o => o.OwnerId);

        builder.OwnsOne(o => o.Retrospective, retro =>
        {
            retro.Property(r => r.WentWell).HasMaxLength(TextLimits.LongText);
            retro.Property(r => r.Learned).HasMaxLength(TextLimits.LongText);
            retro.Property(r => r.Improve).HasMaxLength(TextLimits.LongText);
        });

        builder.HasMany(o => o.KeyResults).WithOne().HasForeignKey(k => k.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Raci).WithOne().HasForeignKey(r => r.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RaciAssignmentConfiguration : IEntityTypeConfiguration<RaciAssignment>
{
    public void Configure(EntityTypeBuilder<RaciAssignment> builder)
    {
        builder.IsTenantOwned();
        builder.References<RaciAssignment, Person>(r => r.PersonId);
        builder.HasIndex(r => new { r.ObjectiveId, r.PersonId, r.Role }).IsUnique();
    }
}

internal sealed class AlignmentConfiguration : IEntityTypeConfiguration<Alignment>
{
    public void Configure(EntityTypeBuilder<Alignment> builder)
    {
        builder.IsTenantAggregate();
        builder.HasOne<Objective>().WithMany().HasForeignKey(a => a.ChildObjectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Objective>().WithMany().HasForeignKey(a => a.ParentObjectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<KeyResult>().WithMany().HasForeignKey(a => a.ParentKeyResultId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ChildObjectiveId, a.ParentObjectiveId }).IsUnique();
        builder.HasIndex(a => a.ParentObjectiveId);
        builder.HasIndex(a => a.ParentKeyResultId);
    }
}

internal sealed class KeyResultConfiguration : IEntityTypeConfiguration<KeyResult>
{
    public void Configure(EntityTypeBuilder<KeyResult> builder)
    {
        builder.IsTenantAggregate();
        builder.Property(k => k.Title).HasMaxLength(TextLimits.Title);
        builder.Property(k => k.Description).HasMaxLength(TextLimits.LongText);
        builder.Property(k => k.CurrencyCode).HasMaxLength(3);
        builder.Property(k => k.UnitLabel).HasMaxLength(TextLimits.Code);
        builder.Property(k => k.BaselineMethod).HasMaxLength(TextLimits.LongText);
        builder.Property(k => k.GradeOverrideReason).HasMaxLength(TextLimits.LongText);
        builder.Ignore(k => k.Measure);
        builder.Ignore(k => k.Progress);
        builder.Ignore(k => k.FinalGrade);

        builder.HasOne<Okr.Domain.Units.OrgUnit>().WithMany().HasForeignKey(k => k.OwningUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.References<KeyResult, Person>(k => k.OwnerId);
        builder.HasIndex(k => new { k.ObjectiveId, k.SortOrder });
        builder.HasIndex(k => k.OwningUnitId);
        builder.HasIndex(k => k.OwnerId);
    }
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.IsTenantOwned();
        builder.Property(c => c.Narrative).HasMaxLength(TextLimits.LongText);
        builder.Property(c => c.Blockers).HasMaxLength(TextLimits.LongText);
        builder.Property(c => c.NextSteps).HasMaxLength(TextLimits.LongText);
        // History: a key result's check-ins are kept (the key result is only ever soft-deleted).
        builder.HasOne<KeyResult>().WithMany().HasForeignKey(c => c.KeyResultId).OnDelete(DeleteBehavior.Restrict);
        builder.References<CheckIn, Person>(c => c.AuthorId);
        builder.HasIndex(c => new { c.KeyResultId, c.EffectiveDate });
        builder.HasIndex(c => new { c.OrganizationId, c.RecordedAt });
    }
}
