using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Infrastructure.Persistence.Configurations;

internal sealed class CityConfiguration : IEntityTypeConfiguration<City>
{
    public void Configure(EntityTypeBuilder<City> builder)
    {
        builder.ToTable("cities");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(City.MaxNameLength).IsRequired();
        builder.Property(c => c.Country).HasMaxLength(City.MaxCountryLength).IsRequired();
        builder.Property(c => c.Slug).HasMaxLength(City.MaxSlugLength).IsRequired();
        builder.Property(c => c.Region).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.RegionalSection).HasMaxLength(City.MaxRegionalSectionLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.HasIndex(c => new { c.Name, c.Country }).IsUnique();
    }
}
