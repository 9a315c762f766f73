using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Infrastructure.Persistence.Configurations;

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.ToTable("answers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Path).HasMaxLength(Answer.MaxPathLength).IsRequired();
        builder.Property(a => a.QuestionCode).HasMaxLength(64).IsRequired();
        builder.Property(a => a.ValueJson).IsRequired();
        builder.Property(a => a.UpdatedByUserId).HasMaxLength(450);
        builder.Property(a => a.UpdatedByName).HasMaxLength(200);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.CopiedFrom).HasMaxLength(Domain.Editions.Edition.MaxCodeLength);
        builder.HasIndex(a => new { a.ResponseId, a.Path }).IsUnique();
        builder.HasIndex(a => a.QuestionCode);
        builder.HasOne<Response>().WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(a => a.Value);
    }
}
