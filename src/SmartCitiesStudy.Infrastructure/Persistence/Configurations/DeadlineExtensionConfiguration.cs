using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Infrastructure.Persistence.Configurations;

internal sealed class DeadlineExtensionConfiguration : IEntityTypeConfiguration<DeadlineExtension>
{
    public void Configure(EntityTypeBuilder<DeadlineExtension> builder)
    {
        builder.ToTable("deadline_extensions");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.EditionId, x.CityId }).IsUnique();
        builder.Property(x => x.Reason).HasMaxLength(DeadlineExtension.MaxReasonLength).IsRequired();
        builder.Property(x => x.GrantedBy).HasMaxLength(450);
        builder.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<City>().WithMany().HasForeignKey(x => x.CityId).OnDelete(DeleteBehavior.Cascade);
    }
}
