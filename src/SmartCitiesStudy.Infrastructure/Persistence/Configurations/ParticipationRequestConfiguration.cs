using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Participation;

namespace SmartCitiesStudy.Infrastructure.Persistence.Configurations;

internal sealed class ParticipationRequestConfiguration : IEntityTypeConfiguration<ParticipationRequest>
{
    public void Configure(EntityTypeBuilder<ParticipationRequest> builder)
    {
        builder.ToTable("participation_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.CityName).HasMaxLength(City.MaxNameLength).IsRequired();
        builder.Property(r => r.Country).HasMaxLength(City.MaxCountryLength).IsRequired();
        builder.Property(r => r.ContactName).HasMaxLength(CityContact.MaxNameLength).IsRequired();
        builder.Property(r => r.Email).HasMaxLength(CityContact.MaxEmailLength).IsRequired();
        builder.Property(r => r.Language).HasMaxLength(2).IsRequired();
        builder.Property(r => r.Message).HasMaxLength(ParticipationRequest.MaxMessageLength);
        builder.Property(r => r.DeclineReason).HasMaxLength(ParticipationRequest.MaxReasonLength);
        builder.Property(r => r.DecidedByUserId).HasMaxLength(450);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.EditionId, r.Status });
        builder.HasOne<Edition>().WithMany().HasForeignKey(r => r.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<City>().WithMany().HasForeignKey(r => r.CityId).OnDelete(DeleteBehavior.SetNull);
    }
}
