using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Domain.Common;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Texts;

namespace SmartCitiesStudy.Application.Features.Texts;

/// <summary>
/// The checks every text change passes: the edition exists and is not published (publishing freezes its texts; an
/// unpublish with a reason comes first), the block name is valid and its field or sub-area exists in the edition's
/// questionnaire.
/// </summary>
internal static class TextTarget
{
    public static async Task<(Edition? Edition, string? Error)> EditionAsync(IStudyDbContext db, string editionCode, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.SingleOrDefaultAsync(e => e.Code == editionCode, cancellationToken);
        if (edition is null)
        {
            return (null, $"There is no edition '{editionCode}'.");
        }

        return edition.Status == EditionStatus.Published
            ? (null, $"Edition {editionCode} is published: its texts are frozen with its figures. Unpublish it (with a reason) to change them.")
            : (edition, null);
    }

    public static async Task<QuestionnaireDefinition?> QuestionnaireAsync(LoadQuestionnaire loadQuestionnaire, string editionCode, CancellationToken cancellationToken) =>
        (await loadQuestionnaire.ExecuteAsync(editionCode, cancellationToken: cancellationToken))?.Definition;

    /// <returns>The normalised input, or an error naming the block and language.</returns>
    public static (TextInput? Input, string? Error) Check(TextInput input, QuestionnaireDefinition? questionnaire)
    {
        string block, language;
        try
        {
            block = TextBlocks.Validate(input.Block);
            language = TextLanguages.Validate(input.Language);
        }
        catch (DomainRuleException ex)
        {
            return (null, $"Block '{input.Block}' ({input.Language}): {ex.Message}");
        }

        var known = block switch
        {
            _ when block.StartsWith(TextBlocks.FieldPrefix, StringComparison.Ordinal) =>
                questionnaire?.Sections.Any(s => TextBlocks.Field(s.Code) == block) ?? false,
            _ when block.StartsWith(TextBlocks.SubsectionPrefix, StringComparison.Ordinal) =>
                questionnaire?.Sections.SelectMany(s => s.Subsections).Any(s => TextBlocks.Subsection(s.Code) == block) ?? false,
            _ => true,
        };
        if (!known)
        {
            return (null, $"Block '{block}' ({language}): the edition's questionnaire has no such field or sub-area.");
        }

        if ((input.Markdown ?? string.Empty).Length > EditionText.MaxMarkdownLength)
        {
            return (null, $"Block '{block}' ({language}): longer than {EditionText.MaxMarkdownLength:N0} characters.");
        }

        return (input with { Block = block, Language = language }, null);
    }
}
