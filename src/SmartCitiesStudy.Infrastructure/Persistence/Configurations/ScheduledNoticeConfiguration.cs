using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCitiesStudy.Domain.Notices;

namespace SmartCitiesStudy.Infrastructure.Persistence.Configurations;

internal sealed class ScheduledNoticeConfiguration : IEntityTypeConfiguration<ScheduledNotice>
{
    public void Configure(EntityTypeBuilder<ScheduledNotice> builder)
    {
        builder.ToTable("scheduled_notices");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Key).HasMaxLength(ScheduledNotice.MaxKeyLength).IsRequired();

        // The guard that makes a notice go out at most once a day across instances.
        builder.HasIndex(x => new { x.Key, x.Day }).IsUnique();
    }
}
