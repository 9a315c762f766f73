using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Infrastructure.Persistence.Configurations;

internal sealed class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> builder)
    {
        builder.ToTable("responses");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.EditionId, r.CityId }).IsUnique();
        builder.HasIndex(r => new { r.EditionId, r.Status });
        builder.HasOne<Edition>().WithMany().HasForeignKey(r => r.EditionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<City>().WithMany().HasForeignKey(r => r.CityId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.IsEditableByCity);
        builder.Ignore(r => r.IsCounted);
    }
}
