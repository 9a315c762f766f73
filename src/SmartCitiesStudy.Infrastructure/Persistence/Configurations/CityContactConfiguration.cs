using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Infrastructure.Persistence.Configurations;

internal sealed class CityContactConfiguration : IEntityTypeConfiguration<CityContact>
{
    public void Configure(EntityTypeBuilder<CityContact> builder)
    {
        builder.ToTable("city_contacts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(CityContact.MaxNameLength).IsRequired();
        builder.Property(c => c.Email).HasMaxLength(CityContact.MaxEmailLength).IsRequired();
        builder.Property(c => c.Language).HasMaxLength(2).IsRequired();
        builder.Property(c => c.Role).HasMaxLength(CityContact.MaxRoleLength);
        builder.HasIndex(c => new { c.CityId, c.Email }).IsUnique();
        builder.HasOne<City>().WithMany().HasForeignKey(c => c.CityId).OnDelete(DeleteBehavior.Cascade);
    }
}
