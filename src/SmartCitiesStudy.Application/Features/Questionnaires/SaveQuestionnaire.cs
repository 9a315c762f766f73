using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Application.Features.Questionnaires;

/// <summary>
/// Stores an edition's questionnaire from its JSON. A draft edition's questionnaire is replaced in place; an open
/// edition's change becomes a new version, refused if it removes or retypes a question (or removes an option) that
/// already has answers. Closed and published editions are frozen. <c>sameAs</c> links must point to a question (or
/// option) of the same type in another edition's current questionnaire. Nothing is stored unless everything is valid.
/// </summary>
public sealed class SaveQuestionnaire(IStudyDbContextFactory dbFactory, LoadQuestionnaire loadQuestionnaire, TimeProvider clock)
{
    public async Task<SaveQuestionnaireResult> ExecuteAsync(string editionCode, string json, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return SaveQuestionnaireResult.Refused([new DefinitionProblem("$", "Only the secretariat can change questionnaires.")]);
        }

        var (definition, report) = QuestionnaireJson.Parse(json);
        if (definition is null)
        {
            return SaveQuestionnaireResult.Refused(report.Errors, report.Warnings);
        }

        if (definition.Edition != editionCode)
        {
            return SaveQuestionnaireResult.Refused([new DefinitionProblem("$.edition", $"The file is for edition '{definition.Edition}', not '{editionCode}'.")], report.Warnings);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var edition = await db.Editions.SingleOrDefaultAsync(e => e.Code == editionCode, cancellationToken);
        if (edition is null)
        {
            return SaveQuestionnaireResult.Refused([new DefinitionProblem("$.edition", $"There is no edition '{editionCode}'.")], report.Warnings);
        }

        var normalized = QuestionnaireJson.Write(definition);
        var current = edition.QuestionnaireVersion == 0
            ? null
            : await db.QuestionnaireVersions.SingleAsync(v => v.EditionId == edition.Id && v.Number == edition.QuestionnaireVersion, cancellationToken);
        if (current is not null && current.DefinitionJson == normalized)
        {
            return new SaveQuestionnaireResult(true, current.Number, false, true, [], report.Warnings);
        }

        if (current is not null && edition.Status is EditionStatus.Closed or EditionStatus.Published)
        {
            return SaveQuestionnaireResult.Refused(
                [new DefinitionProblem("$", $"Edition {editionCode} is {edition.Status.ToString().ToLowerInvariant()}: its questionnaire is frozen. Reopen the edition to change it.")],
                report.Warnings);
        }

        var links = await CheckSameAsAsync(db, definition, cancellationToken);
        if (links.Count > 0)
        {
            return SaveQuestionnaireResult.Refused(links, report.Warnings);
        }

        var now = clock.GetUtcNow();
        if (current is null || !edition.QuestionnaireChangesMakeNewVersion)
        {
            if (current is null)
            {
                db.QuestionnaireVersions.Add(new QuestionnaireVersion(edition.Id, 1, normalized, now, user.UserId));
                edition.UseQuestionnaireVersion(1);
            }
            else
            {
                current.Replace(normalized, now);
            }

            db.Record(now, user, AuditActions.QuestionnaireSaved, "edition", edition.Code, edition.Id, after: $"version {edition.QuestionnaireVersion}", reason: current is null ? "first version" : "draft edited in place");
            await db.SaveChangesAsync(cancellationToken);
            return new SaveQuestionnaireResult(true, edition.QuestionnaireVersion, current is null, false, [], report.Warnings);
        }

        var previous = QuestionnaireJson.Parse(current.DefinitionJson).Definition!;
        var conflicts = await AnsweredQuestionGuard.FindConflictsAsync(db, edition.Id, previous, definition, cancellationToken);
        if (conflicts.Count > 0)
        {
            return SaveQuestionnaireResult.Refused(conflicts, report.Warnings);
        }

        var number = current.Number + 1;
        db.QuestionnaireVersions.Add(new QuestionnaireVersion(edition.Id, number, normalized, now, user.UserId));
        edition.UseQuestionnaireVersion(number);
        db.Record(now, user, AuditActions.QuestionnaireSaved, "edition", edition.Code, edition.Id, before: $"version {current.Number}", after: $"version {number}");
        await db.SaveChangesAsync(cancellationToken);
        return new SaveQuestionnaireResult(true, number, true, false, [], report.Warnings);
    }

    /// <summary>The <c>sameAs</c> problems (ADR 0021) against the other editions' current questionnaires.</summary>
    private async Task<IReadOnlyList<DefinitionProblem>> CheckSameAsAsync(IStudyDbContext db, QuestionnaireDefinition definition, CancellationToken cancellationToken)
    {
        var linked = definition.Questions.Any(q => q.SameAs is not null || q.Options.Any(o => o.SameAs is not null));
        if (!linked)
        {
            return [];
        }

        var others = await db.Editions.AsNoTracking()
            .Where(e => e.Code != definition.Edition && e.QuestionnaireVersion > 0)
            .Select(e => e.Code)
            .ToListAsync(cancellationToken);
        var editions = new Dictionary<string, QuestionnaireDefinition>(StringComparer.Ordinal);
        foreach (var code in others)
        {
            if (await loadQuestionnaire.ExecuteAsync(code, cancellationToken: cancellationToken) is { } snapshot)
            {
                editions[code] = snapshot.Definition;
            }
        }

        return SameAsValidator.Validate(definition, editions);
    }
}
