using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okr.Domain.Common;
using Okr.Domain.Webhooks;

namespace Okr.Infrastructure.Persistence.Configurations;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.IsTenantAggregate();
        builder.Property(s => s.Url).HasMaxLength(TextLimits.Url);
        builder.Property(s => s.Description).HasMaxLength(TextLimits.Title);
        builder.Property(s => s.EventTypes).HasMaxLength(2000);
        builder.Property(s => s.DisabledReason).HasMaxLength(TextLimits.Title);
        builder.Ignore(s => s.Types);
        builder.Ignore(s => s.IsEnabled);
        builder.References<WebhookSubscription, Domain.Organizations.Person>(s => s.CreatedById);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.IsTenantOwned();
        builder.Property(d => d.EventType).HasMaxLength(TextLimits.Code);
        builder.Property(d => d.ResourceKey).HasMaxLength(TextLimits.Code);
        builder.Property(d => d.ResponseBody).HasMaxLength(WebhookDelivery.ResponseExcerptLength);
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.ErrorLength);
        builder.Ignore(d => d.MessageId);
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        // What the dispatcher looks for: pending deliveries that are due; and the earlier ones of the same resource.
        builder.HasIndex(d => new { d.State, d.NextAttemptAt });
        builder.HasIndex(d => new { d.SubscriptionId, d.ResourceKey, d.Sequence });
        builder.HasIndex(d => new { d.SubscriptionId, d.Sequence });
    }
}
