using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Archive;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Email;
using SmartCitiesStudy.Domain.Notices;
using SmartCitiesStudy.Domain.Participation;
using SmartCitiesStudy.Domain.People;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Reports;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Domain.Review;
using SmartCitiesStudy.Domain.Texts;
using SmartCitiesStudy.Infrastructure.Identity;

namespace SmartCitiesStudy.Infrastructure.Persistence;

/// <summary>The portal's one database context: study data, Identity and Data Protection keys.</summary>
public sealed class StudyDbContext(DbContextOptions<StudyDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole, string>(options), IStudyDbContext, IDataProtectionKeyContext
{
    public DbSet<Edition> Editions => Set<Edition>();

    public DbSet<City> Cities => Set<City>();

    public DbSet<CityPopulation> CityPopulations => Set<CityPopulation>();

    public DbSet<Response> Responses => Set<Response>();

    public DbSet<QuestionnaireVersion> QuestionnaireVersions => Set<QuestionnaireVersion>();

    public DbSet<Answer> Answers => Set<Answer>();

    public DbSet<AnswerChange> AnswerChanges => Set<AnswerChange>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<GeneratedReport> GeneratedReports => Set<GeneratedReport>();

    public DbSet<PublishedRecord> PublishedRecords => Set<PublishedRecord>();

    public DbSet<EditionFacts> EditionFacts => Set<EditionFacts>();
    public DbSet<EditionText> EditionTexts => Set<EditionText>();
    public DbSet<DeadlineExtension> DeadlineExtensions => Set<DeadlineExtension>();

    public DbSet<ScheduledNotice> ScheduledNotices => Set<ScheduledNotice>();

    public DbSet<CityContact> CityContacts => Set<CityContact>();

    public DbSet<ParticipationRequest> ParticipationRequests => Set<ParticipationRequest>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(StudyDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or sort DateTimeOffset stored as text; all our timestamps are UTC, so a binary
        // (ticks) representation keeps ordering and range queries working there. PostgreSQL uses timestamptz.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
