using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Features.Texts;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Common;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Application.Features.Editions;

/// <summary>
/// Creates the next edition as a draft, usually starting from a previous edition's questionnaire and editorial
/// texts (copied, texts flagged "copied — review", then edited while the edition is a draft).
/// </summary>
public sealed class CreateEdition(IStudyDbContextFactory dbFactory, LoadQuestionnaire loadQuestionnaire, TimeProvider clock)
{
    public async Task<OperationResult> ExecuteAsync(string code, string title, string theme, int year, string? copyQuestionnaireFrom, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return OperationResult.Refused("Only the secretariat can create editions.", "forbidden");
        }

        Edition edition;
        try
        {
            edition = new Edition(code, title, theme, year);
        }
        catch (DomainRuleException ex)
        {
            return OperationResult.Refused(ex.Message, ex.Code);
        }

        QuestionnaireDefinition? copy = null;
        if (!string.IsNullOrWhiteSpace(copyQuestionnaireFrom))
        {
            var source = await loadQuestionnaire.ExecuteAsync(copyQuestionnaireFrom, cancellationToken: cancellationToken);
            if (source is null)
            {
                return OperationResult.Refused($"Edition '{copyQuestionnaireFrom}' has no questionnaire to copy.", "edition.no_questionnaire");
            }

            copy = source.Definition.ForEdition(edition.Code, new LocalizedText(edition.Title));
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (await db.Editions.AnyAsync(e => e.Code == edition.Code, cancellationToken))
        {
            return OperationResult.Refused($"An edition with code '{edition.Code}' already exists.", "edition.code_taken");
        }

        db.Editions.Add(edition);
        await db.SaveChangesAsync(cancellationToken);
        db.Record(clock.GetUtcNow(), user, AuditActions.EditionCreated, "edition", edition.Code, edition.Id, after: $"{edition.Title} ({edition.Theme})", reason: copy is null ? null : $"questionnaire copied from {copyQuestionnaireFrom}");
        if (copy is not null)
        {
            db.QuestionnaireVersions.Add(new QuestionnaireVersion(edition.Id, 1, QuestionnaireJson.Write(copy), clock.GetUtcNow(), user.UserId));
            edition.UseQuestionnaireVersion(1);
            await CopyEditionTexts.IntoAsync(db, copyQuestionnaireFrom!, edition.Id, clock.GetUtcNow(), user.DisplayName, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);

        return OperationResult.Done;
    }
}
