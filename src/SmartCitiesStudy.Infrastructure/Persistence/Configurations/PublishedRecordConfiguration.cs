using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCitiesStudy.Domain.Archive;
using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Infrastructure.Persistence.Configurations;

internal sealed class PublishedRecordConfiguration : IEntityTypeConfiguration<PublishedRecord>
{
    public void Configure(EntityTypeBuilder<PublishedRecord> builder)
    {
        builder.ToTable("published_records");
        builder.HasKey(r => r.EditionId);
        builder.Property(r => r.EditionId).ValueGeneratedNever();
        builder.Property(r => r.DocumentJson).IsRequired();
        builder.HasOne<Edition>().WithOne().HasForeignKey<PublishedRecord>(r => r.EditionId).OnDelete(DeleteBehavior.Cascade);
    }
}
