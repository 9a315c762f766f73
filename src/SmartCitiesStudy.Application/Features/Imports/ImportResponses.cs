using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Imports;

/// <summary>
/// Imports existing responses into an edition from a UTF-8 CSV file: one row per city with the header
/// <c>city,country,region,population,status</c> then any of the questionnaire's question codes (docs/import-responses.md).
/// A city is found by city and country (trimmed, ignoring case) or added to the registry; a population is recorded for
/// the edition. Every answer is checked with <see cref="QuestionnaireRules"/>, including answers to questions hidden by
/// their condition. A city that already has a response in the edition is refused unless <c>replace</c> is set: then the
/// response takes the file's status and answers, and its other answers are cleared (their history keeps them).
/// The edition must have a questionnaire and be Draft, Open or Closed: a Published edition's figures are public, so
/// it is refused (unpublish it first). All or nothing: every problem is listed as "row R, column C: reason" and nothing
/// is stored unless the whole file is right. Answers go to the answer history as <see cref="AnswerChangeSource.Import"/>,
/// with one <see cref="AuditActions.AnswersImported"/> audit entry per response.
/// An edition shown as its publication states it (ADR 0013: a published record, no approved response) is refused unless
/// <c>replacePublished</c> is set: approved responses make its figures computed ones, which replace the published
/// ones for readers; the switch is audited (<see cref="AuditActions.PublishedFiguresReplaced"/>).
/// </summary>
public sealed class ImportResponses(IStudyDbContextFactory dbFactory, LoadQuestionnaire loadQuestionnaire, TimeProvider clock)
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    private const string AuditReason = "CSV import of responses";

    public Task<ImportResponsesResult> ExecuteAsync(byte[] content, string editionCode, bool dryRun, bool replace, StudyUser user, CancellationToken cancellationToken = default) =>
        ExecuteAsync(content, editionCode, dryRun, replace, replacePublished: false, user, cancellationToken);

    public async Task<ImportResponsesResult> ExecuteAsync(byte[] content, string editionCode, bool dryRun, bool replace, bool replacePublished, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return ImportResponsesResult.Refused(new CsvProblem(null, null, "Only the secretariat can import responses."));
        }

        if (content.LongLength > MaxFileBytes)
        {
            return ImportResponsesResult.Refused(new CsvProblem(null, null, $"The file is {content.LongLength / 1024} KiB; the limit is {MaxFileBytes / 1024 / 1024} MiB."));
        }

        if (!CsvRecords.TryDecode(content, out var text, out var badRow))
        {
            return ImportResponsesResult.Refused(new CsvProblem(badRow, null, "The file is not UTF-8 text (from this row on). Save it as \"CSV UTF-8\" and try again."));
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var edition = string.IsNullOrWhiteSpace(editionCode) ? null : await db.Editions.AsNoTracking().SingleOrDefaultAsync(e => e.Code == editionCode, cancellationToken);
        if (edition is null)
        {
            return ImportResponsesResult.Refused(new CsvProblem(null, null, string.IsNullOrWhiteSpace(editionCode) ? "Choose the edition the responses are for." : $"There is no edition '{editionCode}'."));
        }

        if (edition.Status == EditionStatus.Published)
        {
            return ImportResponsesResult.Refused(new CsvProblem(null, null, $"Edition {edition.Code} is published: its figures are public. Unpublish it (back to closed) before importing responses."));
        }

        var showsPublished = await db.PublishedRecords.AnyAsync(r => r.EditionId == edition.Id, cancellationToken)
            && !await db.Responses.Where(Response.IsCountedExpression).AnyAsync(r => r.EditionId == edition.Id, cancellationToken);
        var questionnaire = await loadQuestionnaire.ExecuteAsync(edition.Code, cancellationToken: cancellationToken);
        if (questionnaire is null)
        {
            return ImportResponsesResult.Refused(new CsvProblem(null, null, $"Edition {edition.Code} has no questionnaire yet; import or write one first."));
        }

        var (records, unterminated) = CsvRecords.Read(text);
        if (unterminated is { } quoteRow)
        {
            return ImportResponsesResult.Refused(new CsvProblem(quoteRow, null, "A quoted cell starts here and never ends (a missing closing \")."));
        }

        if (records.Count == 0)
        {
            return ImportResponsesResult.Refused(new CsvProblem(null, null, "The file is empty; it needs the header city,country,region,population,status and question codes."));
        }

        var problems = new List<CsvProblem>();
        var header = ResponseCsvHeader.Read(records[0], questionnaire.Definition, edition.Code, problems);
        if (problems.Count > 0)
        {
            return new ImportResponsesResult(false, 0, 0, 0, 0, 0, problems);
        }

        if (records.Count == 1)
        {
            return ImportResponsesResult.Refused(new CsvProblem(null, null, "The file has a header but no cities."));
        }

        var cities = await db.Cities.AsNoTracking().ToListAsync(cancellationToken);
        var responses = await db.Responses.Where(r => r.EditionId == edition.Id).ToDictionaryAsync(r => r.CityId, cancellationToken);
        var populations = await db.CityPopulations.Where(p => p.EditionId == edition.Id).ToDictionaryAsync(p => p.CityId, cancellationToken);
        var rules = new QuestionnaireRules(questionnaire.Definition);
        var planned = ResponseImportPlan.Make(records, header, rules, edition.Code, cities, responses, replace, problems);
        if (problems.Count > 0)
        {
            return new ImportResponsesResult(false, 0, 0, 0, 0, 0, problems);
        }

        // Checked once the file is right, so a wrong file lists its own problems first.
        if (showsPublished && !replacePublished)
        {
            return ImportResponsesResult.Refused(new CsvProblem(null, null, $"Edition {edition.Code} shows its figures as published in {edition.Year}; approved responses would replace them with computed figures. To do so, import with --replace-published (in the portal: “Replace the published figures”)."));
        }

        var populationChanges = planned.Count(p => p.Row.Population is { } population && (p.City is null || populations.GetValueOrDefault(p.City.Id)?.Population != population));
        var counts = new ImportResponsesResult(
            false,
            planned.Count(p => p.City is null),
            planned.Count(p => p.Response is null),
            planned.Count(p => p.Response is not null),
            planned.Sum(p => p.Row.Answers.Count),
            populationChanges,
            []);
        if (dryRun)
        {
            return counts;
        }

        try
        {
            var replacesPublished = showsPublished && planned.Any(p => p.Row.Status == ResponseStatus.Approved);
            await StoreAsync(db, edition, questionnaire.VersionNumber, planned, populations, user, replacesPublished, cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ImportResponsesResult.Refused(new CsvProblem(null, null, "Someone changed these cities or responses while the file was being imported. Nothing was stored; try again."));
        }

        return counts with { Stored = true };
    }

    private async Task StoreAsync(
        IStudyDbContext db, Edition edition, int questionnaireVersion, IReadOnlyList<ResponseImportPlan> planned, Dictionary<int, CityPopulation> populations, StudyUser user, bool replacesPublished, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (replacesPublished)
        {
            var approved = planned.Count(p => p.Row.Status == ResponseStatus.Approved);
            db.Record(now, user, AuditActions.PublishedFiguresReplaced, "edition", edition.Code, edition.Id,
                before: $"figures as published in {edition.Year}", after: $"figures computed from the approved responses ({approved} approved in the import)", reason: AuditReason);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // New cities first: the populations and responses need their ids.
        var cities = planned.Select(p => (Plan: p, City: p.City ?? new City(p.Row.City, p.Row.Country, p.Row.Region))).ToList();
        foreach (var added in cities.Where(c => c.Plan.City is null))
        {
            db.Cities.Add(added.City);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (plan, city) in cities)
        {
            if (plan.City is null)
            {
                db.Record(now, user, AuditActions.CityCreated, "city", Id(city.Id), after: CityText.Describe(city), reason: AuditReason);
            }

            if (plan.Row.Population is { } population && populations.GetValueOrDefault(city.Id)?.Population != population)
            {
                var current = populations.GetValueOrDefault(city.Id);
                var before = current is null ? "none" : current.Population.ToString(CultureInfo.InvariantCulture);
                if (current is null)
                {
                    db.CityPopulations.Add(new CityPopulation(city.Id, edition.Id, population));
                }
                else
                {
                    current.SetPopulation(population);
                }

                db.Record(now, user, AuditActions.CityChanged, "city", Id(city.Id), editionId: edition.Id,
                    before: $"population {edition.Code}: {before}", after: $"population {edition.Code}: {population.ToString(CultureInfo.InvariantCulture)}", reason: AuditReason);
            }
        }

        var imported = new List<(ResponseImportPlan Plan, Response Response, string? Before)>();
        foreach (var (plan, city) in cities)
        {
            if (plan.Response is { } existing)
            {
                imported.Add((plan, existing, existing.Status.ToString().ToLowerInvariant()));
                existing.ForceStatus(plan.Row.Status, now);
            }
            else
            {
                var response = new Response(edition.Id, city.Id, questionnaireVersion, now);
                if (plan.Row.Status != ResponseStatus.Draft)
                {
                    response.ForceStatus(plan.Row.Status, now);
                }

                db.Responses.Add(response);
                imported.Add((plan, response, null));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var replacedIds = imported.Where(i => i.Before is not null).Select(i => i.Response.Id).ToList();
        var storedAnswers = replacedIds.Count == 0 ? [] : await db.Answers.Where(a => replacedIds.Contains(a.ResponseId)).ToListAsync(cancellationToken);
        var stored = storedAnswers.ToLookup(a => a.ResponseId);
        foreach (var (plan, response, before) in imported)
        {
            var old = stored[response.Id].ToDictionary(a => a.Path, StringComparer.Ordinal);
            var previous = old.Values.Count(a => !a.Value.IsEmpty);
            foreach (var (path, value) in plan.Row.Answers)
            {
                var answer = old.GetValueOrDefault(path);
                var oldValue = answer?.Value;
                if (oldValue is not null && oldValue.SameAs(value))
                {
                    continue;
                }

                if (answer is null)
                {
                    db.Answers.Add(new Answer(response.Id, path, value, questionnaireVersion, now, user.UserId, user.DisplayName));
                }
                else
                {
                    answer.Change(value, questionnaireVersion, now, user.UserId, user.DisplayName);
                }

                db.AnswerChanges.Add(new AnswerChange(response.Id, path, oldValue, value, now, user.UserId, user.DisplayName, AnswerChangeSource.Import, AuditReason));
            }

            // Replacing: what the file does not answer is cleared, good-practice items included.
            foreach (var answer in old.Values.Where(a => !plan.Row.Answers.ContainsKey(a.Path) && !a.Value.IsEmpty))
            {
                db.AnswerChanges.Add(new AnswerChange(response.Id, answer.Path, answer.Value, AnswerValue.Empty, now, user.UserId, user.DisplayName, AnswerChangeSource.Import, AuditReason));
                answer.Change(AnswerValue.Empty, questionnaireVersion, now, user.UserId, user.DisplayName);
            }

            var after = $"{plan.Row.Status.ToString().ToLowerInvariant()}, {plan.Row.Answers.Count} answer(s)";
            db.Record(now, user, AuditActions.AnswersImported, "response", Id(response.Id), edition.Id, response.Id,
                before: before is null ? null : $"{before}, {previous} answer(s)", after: after, reason: AuditReason);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
