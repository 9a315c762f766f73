using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCitiesStudy.Domain.Reports;

namespace SmartCitiesStudy.Infrastructure.Persistence.Configurations;

internal sealed class GeneratedReportConfiguration : IEntityTypeConfiguration<GeneratedReport>
{
    public void Configure(EntityTypeBuilder<GeneratedReport> builder)
    {
        builder.ToTable("generated_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.EditionCode).HasMaxLength(GeneratedReport.MaxEditionCodeLength).IsRequired();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(r => r.CitySlug).HasMaxLength(GeneratedReport.MaxCitySlugLength).IsRequired();
        builder.Property(r => r.Language).HasMaxLength(GeneratedReport.MaxLanguageLength).IsRequired();
        builder.Property(r => r.Content).IsRequired();
        builder.Property(r => r.ETag).HasMaxLength(GeneratedReport.MaxHashLength).IsRequired();
        builder.Property(r => r.Fingerprint).HasMaxLength(GeneratedReport.MaxHashLength).IsRequired();
        builder.HasIndex(r => new { r.EditionCode, r.Kind, r.CitySlug, r.Language }).IsUnique();
    }
}
