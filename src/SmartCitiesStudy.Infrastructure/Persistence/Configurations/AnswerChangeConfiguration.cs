using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Infrastructure.Persistence.Configurations;

internal sealed class AnswerChangeConfiguration : IEntityTypeConfiguration<AnswerChange>
{
    public void Configure(EntityTypeBuilder<AnswerChange> builder)
    {
        builder.ToTable("answer_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Path).HasMaxLength(Answer.MaxPathLength).IsRequired();
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.Property(c => c.UserName).HasMaxLength(200);
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(c => new { c.ResponseId, c.At });
        builder.HasOne<Response>().WithMany().HasForeignKey(c => c.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}
