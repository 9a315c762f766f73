using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Application.Features.Questionnaires;

/// <summary>Reads an edition's current questionnaire, or a given version of it.</summary>
public sealed class LoadQuestionnaire(IStudyDbContextFactory dbFactory)
{
    /// <returns>Null when the edition, or that version, does not exist.</returns>
    public async Task<QuestionnaireSnapshot?> ExecuteAsync(string editionCode, int? versionNumber = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var edition = await db.Editions.AsNoTracking().SingleOrDefaultAsync(e => e.Code == editionCode, cancellationToken);
        if (edition is null || edition.QuestionnaireVersion == 0)
        {
            return null;
        }

        var number = versionNumber ?? edition.QuestionnaireVersion;
        var json = await db.QuestionnaireVersions.AsNoTracking()
            .Where(v => v.EditionId == edition.Id && v.Number == number)
            .Select(v => v.DefinitionJson)
            .SingleOrDefaultAsync(cancellationToken);
        if (json is null)
        {
            return null;
        }

        var (definition, report) = QuestionnaireJson.Parse(json);
        return definition is null
            ? throw new InvalidOperationException($"The stored questionnaire of edition {editionCode} (version {number}) is damaged: {report.Errors[0]}")
            : new QuestionnaireSnapshot(edition.Code, edition.Status, number, number == edition.QuestionnaireVersion, definition);
    }
}
