using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Common;
using SmartCitiesStudy.Domain.Texts;

namespace SmartCitiesStudy.Application.Features.Texts;

/// <summary>
/// Writes one editorial block in one language (the editor's autosave, <c>report text set</c>). With an expected
/// version the save is refused as a conflict when someone else saved the block since; each save is an audit entry.
/// </summary>
public sealed class SetEditionText(IStudyDbContextFactory dbFactory, LoadQuestionnaire loadQuestionnaire, TimeProvider clock)
{
    /// <param name="expectedVersion">The version the writer started from (0 for a block that did not exist); null to overwrite.</param>
    public async Task<SaveTextResult> ExecuteAsync(string editionCode, TextInput input, int? expectedVersion, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return SaveTextResult.Refused("Only the secretariat can write the study's texts.");
        }

        var (checkedInput, error) = TextTarget.Check(input, await TextTarget.QuestionnaireAsync(loadQuestionnaire, editionCode, cancellationToken));
        if (checkedInput is null)
        {
            return SaveTextResult.Refused(error!);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var (edition, editionError) = await TextTarget.EditionAsync(db, editionCode, cancellationToken);
        if (edition is null)
        {
            return SaveTextResult.Refused(editionError!);
        }

        var text = await db.EditionTexts.SingleOrDefaultAsync(t => t.EditionId == edition.Id && t.Block == checkedInput.Block && t.Language == checkedInput.Language, cancellationToken);
        if (expectedVersion is { } expected && (text?.Version ?? 0) != expected)
        {
            return text is null ? SaveTextResult.Refused($"Block {checkedInput.Block} ({checkedInput.Language}) no longer exists; reload.") : Conflict(text);
        }

        var before = text?.Markdown;
        if (text is null)
        {
            text = new EditionText(edition.Id, checkedInput.Block, checkedInput.Language);
            db.EditionTexts.Add(text);
        }

        try
        {
            text.Write(checkedInput.Markdown, checkedInput.SignatoryName, checkedInput.SignatoryTitle, clock.GetUtcNow(), user.DisplayName);
        }
        catch (DomainRuleException ex)
        {
            return SaveTextResult.Refused(ex.Message);
        }

        db.Record(clock.GetUtcNow(), user, AuditActions.TextChanged, "text", $"{checkedInput.Block}/{checkedInput.Language}", edition.Id, before: before, after: text.Markdown);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent save changed the row (version) or created it first (unique index): show theirs.
            await using var fresh = await dbFactory.CreateAsync(cancellationToken);
            var current = await fresh.EditionTexts.AsNoTracking()
                .SingleOrDefaultAsync(t => t.EditionId == edition.Id && t.Block == checkedInput.Block && t.Language == checkedInput.Language, cancellationToken);
            return current is null ? SaveTextResult.Refused("The text could not be saved; try again.") : Conflict(current);
        }

        return new SaveTextResult(true, text.Version);
    }

    private static SaveTextResult Conflict(EditionText current) =>
        new(false, current.Version, $"Someone else saved block {current.Block} ({current.Language}) meanwhile.", ToRow(current));

    internal static EditionTextRow ToRow(EditionText t) =>
        new(t.Block, t.Language, t.Markdown, t.SignatoryName, t.SignatoryTitle, t.NeedsReview, t.Version, t.UpdatedAt, t.UpdatedBy);
}
