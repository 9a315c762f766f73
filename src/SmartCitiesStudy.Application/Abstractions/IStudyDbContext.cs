using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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

namespace SmartCitiesStudy.Application.Abstractions;

/// <summary>
/// The study's data as use cases see it. One instance per operation, created by <see cref="IStudyDbContextFactory"/>
/// and disposed at its end; never held by a component or a circuit.
/// </summary>
public interface IStudyDbContext : IAsyncDisposable, IDisposable
{
    DbSet<Edition> Editions { get; }

    DbSet<City> Cities { get; }

    DbSet<CityPopulation> CityPopulations { get; }

    DbSet<Response> Responses { get; }

    DbSet<QuestionnaireVersion> QuestionnaireVersions { get; }

    DbSet<Answer> Answers { get; }

    DbSet<AnswerChange> AnswerChanges { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<Comment> Comments { get; }

    /// <summary>Transactions and set-based updates, for the few use cases that need them.</summary>
    DbSet<Invitation> Invitations { get; }

    DbSet<OutboxMessage> OutboxMessages { get; }

    /// <summary>Study PDFs and city factsheets, stored once generated.</summary>
    DbSet<GeneratedReport> GeneratedReports { get; }

    /// <summary>What the publications of editions run before the portal state (ADR 0013).</summary>
    DbSet<PublishedRecord> PublishedRecords { get; }

    /// <summary>Facts of an edition (publishing body, collection period, publication date, methodology).</summary>
    DbSet<EditionFacts> EditionFacts { get; }
    /// <summary>Editorial texts per edition, block and language.</summary>
    DbSet<EditionText> EditionTexts { get; }
    /// <summary>Per-city deadlines later than the edition's (with the reason).</summary>
    DbSet<DeadlineExtension> DeadlineExtensions { get; }

    /// <summary>Reminders, digests and automatic closes already done, one per key and day.</summary>
    DbSet<ScheduledNotice> ScheduledNotices { get; }

    /// <summary>Focal points of each city (personal data: secretariat only).</summary>
    DbSet<CityContact> CityContacts { get; }

    /// <summary>Cities not in the registry asking to take part in an open edition.</summary>
    DbSet<ParticipationRequest> ParticipationRequests { get; }

    /// <summary>For the few operations that need an explicit transaction (imports that save in several steps).</summary>
    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
