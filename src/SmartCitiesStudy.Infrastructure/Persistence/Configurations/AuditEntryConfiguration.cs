using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCitiesStudy.Domain.Audit;

namespace SmartCitiesStudy.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(64).IsRequired();
        builder.Property(a => a.EntityType).HasMaxLength(32).IsRequired();
        builder.Property(a => a.EntityId).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Before).HasMaxLength(AuditEntry.MaxTextLength);
        builder.Property(a => a.After).HasMaxLength(AuditEntry.MaxTextLength);
        builder.Property(a => a.Reason).HasMaxLength(AuditEntry.MaxTextLength);
        builder.HasIndex(a => new { a.EditionId, a.At });
        builder.HasIndex(a => new { a.ResponseId, a.At });
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}
