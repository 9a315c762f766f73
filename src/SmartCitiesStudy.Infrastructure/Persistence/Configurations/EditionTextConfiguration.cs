using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Texts;

namespace SmartCitiesStudy.Infrastructure.Persistence.Configurations;

internal sealed class EditionTextConfiguration : IEntityTypeConfiguration<EditionText>
{
    public void Configure(EntityTypeBuilder<EditionText> builder)
    {
        builder.ToTable("edition_texts");
        builder.HasKey(t => t.Id);
        builder.HasOne<Edition>().WithMany().HasForeignKey(t => t.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Block).HasMaxLength(TextBlocks.MaxNameLength).IsRequired();
        builder.Property(t => t.Language).HasMaxLength(2).IsRequired();
        builder.Property(t => t.Markdown).HasMaxLength(EditionText.MaxMarkdownLength).IsRequired();
        builder.Property(t => t.SignatoryName).HasMaxLength(EditionText.MaxSignatoryLength);
        builder.Property(t => t.SignatoryTitle).HasMaxLength(EditionText.MaxSignatoryLength);
        builder.Property(t => t.UpdatedBy).HasMaxLength(200);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.EditionId, t.Block, t.Language }).IsUnique();
    }
}
