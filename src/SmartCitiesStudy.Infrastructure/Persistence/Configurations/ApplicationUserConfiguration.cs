using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Infrastructure.Identity;

namespace SmartCitiesStudy.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(ApplicationUser.MaxDisplayNameLength).IsRequired();
        builder.Property(u => u.PreferredCulture).HasMaxLength(8);
        builder.HasOne<City>().WithMany().HasForeignKey(u => u.CityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.CityId);
    }
}
