using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Infrastructure.Persistence.Configurations;

internal sealed class EditionFactsConfiguration : IEntityTypeConfiguration<EditionFacts>
{
    public void Configure(EntityTypeBuilder<EditionFacts> builder)
    {
        builder.ToTable("edition_facts");
        builder.HasKey(f => f.EditionId);
        builder.Property(f => f.EditionId).ValueGeneratedNever();
        builder.Property(f => f.PublishingBody).HasMaxLength(EditionFacts.MaxShortLength);
        builder.Property(f => f.CollectionPeriod).HasMaxLength(EditionFacts.MaxShortLength);
        builder.Property(f => f.PublicationDate).HasMaxLength(EditionFacts.MaxShortLength);
        builder.Property(f => f.Methodology).HasMaxLength(EditionFacts.MaxMethodologyLength);
        builder.Ignore(f => f.ChangedBySecretariat);
        builder.HasOne<Edition>().WithOne().HasForeignKey<EditionFacts>(f => f.EditionId).OnDelete(DeleteBehavior.Cascade);
    }
}
