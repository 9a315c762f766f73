using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Features.Archive;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Texts;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Archive;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Texts;
using SmartCitiesStudy.Infrastructure.Archive;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Infrastructure.Questionnaires;
using SmartCitiesStudy.Infrastructure.Texts;

namespace SmartCitiesStudy.Infrastructure.Seeding;

/// <summary>
/// Data every installation needs: the roles, the three historical editions of the study (published in their time),
/// their questionnaires and what their publications state (ADR 0013: participating cities, figures as printed, good
/// practices). Adds only what is missing, so it can run at every start and every <c>db migrate</c>; it never touches
/// responses, so a database holding responses of a historical edition keeps them and the figures computed from them.
/// </summary>
public sealed class ReferenceDataSeeder(StudyDbContext db, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    /// <summary>The historical editions: code, title, theme, year, publication date.</summary>
    public static IReadOnlyList<(string Code, string Title, string Theme, int Year, DateTimeOffset PublishedAt)> HistoricalEditions { get; } =
    [
        ("2012", "Smart Cities Study 2012", "HOLISTIC", 2012, new DateTimeOffset(2012, 11, 15, 0, 0, 0, TimeSpan.Zero)),
        ("2017", "Smart Cities Study 2017", "ECONOMY", 2017, new DateTimeOffset(2017, 11, 15, 0, 0, 0, TimeSpan.Zero)),
        ("2019", "Smart Cities Study 2019", "GOVERNANCE", 2019, new DateTimeOffset(2020, 2, 1, 0, 0, 0, TimeSpan.Zero)),
    ];

    /// <returns>How many rows were added.</returns>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var added = 0;
        foreach (var role in StudyRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }

                added++;
            }
        }

        var existing = await db.Editions.Select(e => e.Code).ToListAsync(cancellationToken);
        foreach (var (code, title, theme, year, publishedAt) in HistoricalEditions)
        {
            if (existing.Contains(code))
            {
                continue;
            }

            var edition = new Edition(code, title, theme, year);
            edition.Open(publishedAt.AddMonths(-8));
            edition.Close(publishedAt.AddMonths(-3));
            edition.Publish(publishedAt);
            db.Editions.Add(edition);
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        added += await SeedLifecycleAuditAsync(cancellationToken);
        added += await SeedQuestionnairesAsync(cancellationToken);
        added += await SeedPublishedRecordsAsync(cancellationToken);
        added += await SeedEditionFactsAsync(cancellationToken);
        added += await SeedTextsAsync(cancellationToken);
        return added;
    }

    // The facts the shipped publications give (publishing body, dates, methodology), written again at every migrate so
    // corrections reach existing installations, except where the secretariat has changed them.
    private async Task<int> SeedEditionFactsAsync(CancellationToken cancellationToken)
    {
        var historical = HistoricalEditions.Select(h => h.Code).ToList();
        var editions = await db.Editions.Where(e => historical.Contains(e.Code)).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var edition in editions)
        {
            if (ShippedPublications.Read(edition.Code) is not { } json)
            {
                continue;
            }

            var study = PublishedStudyJson.Parse(json);
            var facts = await db.EditionFacts.SingleOrDefaultAsync(f => f.EditionId == edition.Id, cancellationToken);
            if (facts is null)
            {
                facts = new EditionFacts(edition.Id);
                db.EditionFacts.Add(facts);
                added++;
            }

            var shipped = facts.Ship(study.PublishingBody, study.CollectionPeriod, study.PublicationDate, study.Methodology);
            if (facts.MarkQuestionnaireReconstructed(study.QuestionnaireReconstructed) || shipped)
            {
                // A new edition version: cached reader pages and stored study PDFs show the corrected facts.
                db.Entry(edition).State = EntityState.Modified;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>
    /// The audit entries the same steps leave when taken in the portal (created, opened, closed, published), by
    /// "System" at the time it recorded them, for historical editions that have none (new or upgraded databases).
    /// </summary>
    private async Task<int> SeedLifecycleAuditAsync(CancellationToken cancellationToken)
    {
        var historical = HistoricalEditions.Select(h => h.Code).ToList();
        var lifecycle = new[] { AuditActions.EditionCreated, AuditActions.EditionStatusChanged };
        var editions = await db.Editions
            .Where(e => historical.Contains(e.Code)
                && !db.AuditEntries.Any(a => a.EditionId == e.Id && lifecycle.Contains(a.Action)))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var edition in editions)
        {
            var why = $"Reference data: the {edition.Year} edition, run before the portal, recorded as published in its time";
            db.Record(now, StudyUser.System, AuditActions.EditionCreated, "edition", edition.Code, edition.Id, after: $"{edition.Title} ({edition.Theme})", reason: why);
            var steps = new[] { (EditionStatus.Draft, EditionStatus.Open), (EditionStatus.Open, EditionStatus.Closed), (EditionStatus.Closed, EditionStatus.Published) };
            foreach (var (before, after) in steps.TakeWhile(step => step.Item1 != edition.Status))
            {
                db.Record(now, StudyUser.System, AuditActions.EditionStatusChanged, "edition", edition.Code, edition.Id, before: before.ToString(), after: after.ToString(), reason: why);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return editions.Count;
    }

    private async Task<int> SeedPublishedRecordsAsync(CancellationToken cancellationToken)
    {
        var historical = HistoricalEditions.Select(h => h.Code).ToList();
        var editions = await db.Editions
            .Where(e => historical.Contains(e.Code) && !db.PublishedRecords.Any(r => r.EditionId == e.Id))
            .ToListAsync(cancellationToken);
        var added = 0;
        foreach (var edition in editions)
        {
            if (ShippedPublications.Read(edition.Code) is not { } json)
            {
                continue;
            }

            var study = PublishedStudyJson.Parse(json);
            if (study.Edition != edition.Code)
            {
                throw new InvalidOperationException($"The shipped publication {edition.Code}.json is for edition {study.Edition}.");
            }

            db.PublishedRecords.Add(new PublishedRecord(edition.Id, study.Respondents, PublishedStudyJson.Write(study), clock.GetUtcNow()));
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>The shipped editorial texts of a historical edition that has none yet (written in our own words).</summary>
    private async Task<int> SeedTextsAsync(CancellationToken cancellationToken)
    {
        var historical = HistoricalEditions.Select(h => h.Code).ToList();
        var editions = await db.Editions
            .Where(e => historical.Contains(e.Code) && !db.EditionTexts.Any(t => t.EditionId == e.Id))
            .ToListAsync(cancellationToken);
        var added = 0;
        foreach (var edition in editions)
        {
            if (ShippedTexts.Read(edition.Code) is not { } json)
            {
                continue;
            }

            var (file, error) = TextsJson.Parse(json);
            if (file is null || file.Edition != edition.Code)
            {
                throw new InvalidOperationException($"The shipped texts {edition.Code}.json are invalid: {error ?? "wrong edition"}.");
            }

            foreach (var input in file.Texts)
            {
                var text = new EditionText(edition.Id, input.Block, input.Language);
                text.Write(input.Markdown, input.SignatoryName, input.SignatoryTitle, clock.GetUtcNow(), by: null);
                db.EditionTexts.Add(text);
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private async Task<int> SeedQuestionnairesAsync(CancellationToken cancellationToken)
    {
        var added = 0;
        var historical = HistoricalEditions.Select(h => h.Code).ToList();
        var editions = await db.Editions.Where(e => historical.Contains(e.Code) && e.QuestionnaireVersion == 0).ToListAsync(cancellationToken);
        foreach (var edition in editions)
        {
            if (ShippedQuestionnaires.Read(edition.Code) is not { } json)
            {
                continue;
            }

            var (definition, report) = QuestionnaireJson.Parse(json);
            if (definition is null)
            {
                throw new InvalidOperationException($"The shipped questionnaire {edition.Code}.json is invalid: {string.Join("; ", report.Errors)}");
            }

            db.QuestionnaireVersions.Add(new QuestionnaireVersion(edition.Id, 1, QuestionnaireJson.Write(definition), clock.GetUtcNow(), createdBy: null));
            edition.UseQuestionnaireVersion(1);
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }
}
