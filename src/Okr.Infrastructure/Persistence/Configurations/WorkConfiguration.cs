using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okr.Domain.Audit;
using Okr.Domain.Common;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Organizations;
using Okr.Domain.Units;
using Okr.Domain.Work;

namespace Okr.Infrastructure.Persistence.Configurations;

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> builder)
    {
        builder.IsTenantAggregate();
        builder.Property(i => i.Title).HasMaxLength(TextLimits.Title);
        builder.Property(i => i.Description).HasMaxLength(TextLimits.LongText);
        builder.References<Initiative, Person>(i => i.OwnerId);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsOne(i => i.External, external =>
        {
            external.Property(e => e.System).HasMaxLength(TextLimits.Code);
            external.Property(e => e.Key).HasMaxLength(TextLimits.Name);
            external.Property(e => e.Url).HasMaxLength(TextLimits.Url);
        });
        builder.HasMany(i => i.KeyResultLinks).WithOne().HasForeignKey(l => l.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.KeyResultLinks).AutoInclude();
        builder.HasIndex(i => new { i.OrganizationId, i.Status });
    }
}

internal sealed class InitiativeKeyResultConfiguration : IEntityTypeConfiguration<InitiativeKeyResult>
{
    public void Configure(EntityTypeBuilder<InitiativeKeyResult> builder)
    {
        builder.IsTenantOwned();
        builder.HasOne<KeyResult>().WithMany().HasForeignKey(l => l.KeyResultId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.InitiativeId, l.KeyResultId }).IsUnique();
        builder.HasIndex(l => l.KeyResultId);
    }
}

internal sealed class KpiConfiguration : IEntityTypeConfiguration<Kpi>
{
    public void Configure(EntityTypeBuilder<Kpi> builder)
    {
        builder.IsTenantAggregate();
        builder.Property(k => k.Name).HasMaxLength(TextLimits.Name);
        builder.Property(k => k.Description).HasMaxLength(TextLimits.LongText);
        builder.Property(k => k.Unit).HasMaxLength(TextLimits.Code);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(k => k.OwningUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(k => k.Values).WithOne().HasForeignKey(v => v.KpiId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(k => k.KeyResultLinks).WithOne().HasForeignKey(l => l.KpiId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(k => k.KeyResultLinks).AutoInclude();
        builder.HasIndex(k => k.OwningUnitId);
    }
}

internal sealed class KpiValueConfiguration : IEntityTypeConfiguration<KpiValue>
{
    public void Configure(EntityTypeBuilder<KpiValue> builder)
    {
        builder.IsTenantOwned();
        builder.Property(v => v.Source).HasMaxLength(TextLimits.Name);
        builder.HasIndex(v => new { v.KpiId, v.Date });
    }
}

internal sealed class KpiKeyResultConfiguration : IEntityTypeConfiguration<KpiKeyResult>
{
    public void Configure(EntityTypeBuilder<KpiKeyResult> builder)
    {
        builder.IsTenantOwned();
        builder.HasOne<KeyResult>().WithMany().HasForeignKey(l => l.KeyResultId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.KpiId, l.KeyResultId }).IsUnique();
        builder.HasIndex(l => l.KeyResultId);
    }
}

internal sealed class AnnotationConfiguration : IEntityTypeConfiguration<Annotation>
{
    public void Configure(EntityTypeBuilder<Annotation> builder)
    {
        builder.IsTenantAggregate();
        builder.Property(a => a.Text).HasMaxLength(TextLimits.LongText);
        builder.References<Annotation, Person>(a => a.AuthorId);
        builder.HasMany(a => a.Targets).WithOne().HasForeignKey(t => t.AnnotationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Targets).AutoInclude();
        builder.HasIndex(a => new { a.OrganizationId, a.Date });
    }
}

internal sealed class AnnotationTargetConfiguration : IEntityTypeConfiguration<AnnotationTarget>
{
    public void Configure(EntityTypeBuilder<AnnotationTarget> builder)
    {
        builder.IsTenantOwned();
        builder.HasOne<KeyResult>().WithMany().HasForeignKey(t => t.KeyResultId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Kpi>().WithMany().HasForeignKey(t => t.KpiId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.KeyResultId);
        builder.HasIndex(t => t.KpiId);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.IsTenantAggregate();
        builder.Property(c => c.Text).HasMaxLength(TextLimits.LongText);
        builder.HasOne<Objective>().WithMany().HasForeignKey(c => c.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<KeyResult>().WithMany().HasForeignKey(c => c.KeyResultId).OnDelete(DeleteBehavior.Restrict);
        builder.References<Comment, Person>(c => c.AuthorId);
        builder.HasIndex(c => new { c.ObjectiveId, c.CreatedAt });
        builder.HasIndex(c => new { c.KeyResultId, c.CreatedAt });
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.IsTenantOwned();
        builder.Property(a => a.Action).HasMaxLength(TextLimits.Name);
        builder.Property(a => a.EntityType).HasMaxLength(TextLimits.Name);
        builder.HasIndex(a => new { a.OrganizationId, a.At });
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        // An objective's history, newest first.
        builder.HasIndex(a => new { a.ObjectiveId, a.At });
        builder.HasIndex(a => new { a.RelatedObjectiveId, a.At });
    }
}
