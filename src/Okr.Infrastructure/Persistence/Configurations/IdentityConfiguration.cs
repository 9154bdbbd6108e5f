using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okr.Infrastructure.Identity;

namespace Okr.Infrastructure.Persistence.Configurations;

internal sealed class UsedRefreshTokenConfiguration : IEntityTypeConfiguration<UsedRefreshToken>
{
    public void Configure(EntityTypeBuilder<UsedRefreshToken> builder)
    {
        builder.ToTable("UsedRefreshTokens");
        builder.HasKey(t => t.TokenHash);
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(t => t.ExpiresAt);
    }
}
