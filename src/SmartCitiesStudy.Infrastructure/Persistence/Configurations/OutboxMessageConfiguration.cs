using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCitiesStudy.Domain.Email;

namespace SmartCitiesStudy.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.To).HasMaxLength(OutboxMessage.MaxAddressLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.MaxSubjectLength).IsRequired();
        builder.Property(m => m.TextBody).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        builder.Property(m => m.LockedBy).HasMaxLength(32);
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OutboxAttachmentConfiguration : IEntityTypeConfiguration<OutboxAttachment>
{
    public void Configure(EntityTypeBuilder<OutboxAttachment> builder)
    {
        builder.ToTable("outbox_attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.FileName).HasMaxLength(OutboxAttachment.MaxFileNameLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(OutboxAttachment.MaxContentTypeLength).IsRequired();
        builder.Property(a => a.RenderKind).HasMaxLength(OutboxAttachment.MaxRenderKindLength);
        builder.Property(a => a.RenderKey).HasMaxLength(OutboxAttachment.MaxRenderKeyLength);
        builder.HasIndex(a => a.OutboxMessageId);
    }
}
