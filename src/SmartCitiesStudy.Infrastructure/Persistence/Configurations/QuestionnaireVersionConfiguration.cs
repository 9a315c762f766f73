using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Infrastructure.Persistence.Configurations;

internal sealed class QuestionnaireVersionConfiguration : IEntityTypeConfiguration<QuestionnaireVersion>
{
    public void Configure(EntityTypeBuilder<QuestionnaireVersion> builder)
    {
        builder.ToTable("questionnaire_versions");
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => new { v.EditionId, v.Number }).IsUnique();
        builder.Property(v => v.DefinitionJson).IsRequired();
        builder.Property(v => v.CreatedBy).HasMaxLength(450);
        builder.HasOne<Edition>().WithMany().HasForeignKey(v => v.EditionId).OnDelete(DeleteBehavior.Cascade);
    }
}
