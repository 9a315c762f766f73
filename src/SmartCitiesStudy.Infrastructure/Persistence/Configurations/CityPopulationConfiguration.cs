using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Infrastructure.Persistence.Configurations;

internal sealed class CityPopulationConfiguration : IEntityTypeConfiguration<CityPopulation>
{
    public void Configure(EntityTypeBuilder<CityPopulation> builder)
    {
        builder.ToTable("city_populations");
        builder.HasKey(p => new { p.CityId, p.EditionId });
        builder.Ignore(p => p.Band);
        builder.HasOne<City>().WithMany().HasForeignKey(p => p.CityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Edition>().WithMany().HasForeignKey(p => p.EditionId).OnDelete(DeleteBehavior.Cascade);
    }
}
