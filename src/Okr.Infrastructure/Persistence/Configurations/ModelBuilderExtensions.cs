using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okr.Domain.Common;
using Okr.Domain.Organizations;

namespace Okr.Infrastructure.Persistence.Configurations;

internal static class ModelBuilderExtensions
{
    /// <summary>The common shape of a tenant-owned table: its key, the organisation foreign key and index.</summary>
    public static EntityTypeBuilder<T> IsTenantOwned<T>(this EntityTypeBuilder<T> builder) where T : Entity, ITenantOwned
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.OrganizationId);
        return builder;
    }

    /// <summary>An aggregate root: tenant-owned and versioned for optimistic concurrency.</summary>
    public static EntityTypeBuilder<T> IsTenantAggregate<T>(this EntityTypeBuilder<T> builder) where T : TenantAggregate
    {
        builder.IsTenantOwned();
        builder.Property(e => e.Version).IsConcurrencyToken();
        return builder;
    }

    /// <summary>An optional reference to a person (owner, author): never cascades, people are deactivated, not deleted.</summary>
    public static void References<T, TTarget>(this EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, object?>> foreignKey)
        where T : class where TTarget : class =>
        builder.HasOne<TTarget>().WithMany().HasForeignKey(foreignKey).OnDelete(DeleteBehavior.Restrict);
}
