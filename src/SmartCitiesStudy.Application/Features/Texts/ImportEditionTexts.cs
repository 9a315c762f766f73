using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Texts;

namespace SmartCitiesStudy.Application.Features.Texts;

/// <summary>
/// Writes every block and language of a texts file (<c>report text import</c>): all or nothing. Every problem is
/// reported with its block and language before anything is saved; blocks absent from the file stay as they are.
/// </summary>
public sealed class ImportEditionTexts(IStudyDbContextFactory dbFactory, LoadQuestionnaire loadQuestionnaire, TimeProvider clock)
{
    /// <returns>The number of blocks written, or the errors.</returns>
    public async Task<(int Written, IReadOnlyList<string> Errors)> ExecuteAsync(string editionCode, string json, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return (0, ["Only the secretariat can write the study's texts."]);
        }

        var (file, parseError) = TextsJson.Parse(json);
        if (file is null)
        {
            return (0, [parseError!]);
        }

        var questionnaire = await TextTarget.QuestionnaireAsync(loadQuestionnaire, editionCode, cancellationToken);
        var errors = new List<string>();
        var inputs = new List<TextInput>();
        foreach (var input in file.Texts)
        {
            var (checkedInput, error) = TextTarget.Check(input, questionnaire);
            if (checkedInput is null)
            {
                errors.Add(error!);
            }
            else if (inputs.Any(i => i.Block == checkedInput.Block && i.Language == checkedInput.Language))
            {
                errors.Add($"Block '{checkedInput.Block}' ({checkedInput.Language}): appears twice in the file.");
            }
            else
            {
                inputs.Add(checkedInput);
            }
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var (edition, editionError) = await TextTarget.EditionAsync(db, editionCode, cancellationToken);
        if (edition is null)
        {
            errors.Insert(0, editionError!);
        }

        if (errors.Count > 0 || edition is null)
        {
            return (0, errors);
        }

        var existing = await db.EditionTexts.Where(t => t.EditionId == edition.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var written = 0;
        foreach (var input in inputs)
        {
            var text = existing.FirstOrDefault(t => t.Block == input.Block && t.Language == input.Language);
            if (text is not null && text.Markdown == input.Markdown.Trim() && text.SignatoryName == input.SignatoryName && text.SignatoryTitle == input.SignatoryTitle && !text.NeedsReview)
            {
                continue;
            }

            if (text is null)
            {
                text = new EditionText(edition.Id, input.Block, input.Language);
                db.EditionTexts.Add(text);
            }

            text.Write(input.Markdown, input.SignatoryName, input.SignatoryTitle, now, user.DisplayName);
            written++;
        }

        db.Record(now, user, AuditActions.TextsImported, "edition", edition.Code, edition.Id, after: $"{written} of {inputs.Count} blocks written");
        await db.SaveChangesAsync(cancellationToken);
        return (written, []);
    }
}
