using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Infrastructure.Persistence.Configurations;

internal sealed class EditionConfiguration : IEntityTypeConfiguration<Edition>
{
    public void Configure(EntityTypeBuilder<Edition> builder)
    {
        builder.ToTable("editions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Code).HasMaxLength(Edition.MaxCodeLength).IsRequired();
        builder.HasIndex(e => e.Code).IsUnique();
        builder.Property(e => e.Title).HasMaxLength(Edition.MaxTitleLength).IsRequired();
        builder.Property(e => e.Theme).HasMaxLength(Edition.MaxThemeLength).IsRequired();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.AcceptsAnswers);
        builder.Ignore(e => e.IsPublic);
        builder.Ignore(e => e.QuestionnaireChangesMakeNewVersion);
    }
}
