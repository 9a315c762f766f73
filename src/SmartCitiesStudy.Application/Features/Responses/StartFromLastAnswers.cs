using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Responses;

/// <summary>What a section could start from: how many answers of which earlier edition.</summary>
public sealed record CopyOffer(string SectionCode, string SourceEdition, int Count);

/// <summary>What a copy or a confirmation did: how many answers (and, for a copy, the answers), or why nothing was done.</summary>
public sealed record CopyResult(int Count, string? Refusal, IReadOnlyList<AnswerSaved>? Copied = null)
{
    public bool Succeeded => Refusal is null;
}

/// <summary>
/// Starts a section from the city's approved answers of an earlier edition (<see cref="AnswerCarryOver"/> says which
/// answers mean the same), and confirms copied answers. Each section takes the newest earlier edition that has
/// something to give it. A copy is a save like the form's: only into an editable response, never over an answer the
/// city already has in this edition, one history row per answer ("copied from 2017"), and the city's other open
/// forms see it at once. Copied answers ask to be confirmed until changed or confirmed; submitting lists them.
/// </summary>
public sealed class StartFromLastAnswers(IStudyDbContextFactory dbFactory, LoadQuestionnaire loadQuestionnaire, IResponseEvents events, TimeProvider clock)
{
    /// <returns>One offer per section that has answers to copy; none when the user may not change the response.</returns>
    public async Task<IReadOnlyList<CopyOffer>> OffersAsync(StudyUser user, int responseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var context = await EditableAsync(db, user, responseId, cancellationToken);
        if (context.Refusal is not null)
        {
            return [];
        }

        var plan = await PlanAsync(db, context.Edition!, context.Response!, cancellationToken);
        return [.. plan.GroupBy(p => p.Answer.SectionCode).Select(g => new CopyOffer(g.Key, g.First().SourceEdition, g.Count()))];
    }

    /// <summary>Copies the section's answers that the offer counted (whatever the city answered meanwhile stays).</summary>
    public async Task<CopyResult> CopySectionAsync(StudyUser user, int responseId, string sectionCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var context = await EditableAsync(db, user, responseId, cancellationToken);
        if (context.Refusal is not null)
        {
            return new CopyResult(0, context.Refusal);
        }

        var now = clock.GetUtcNow();
        var saved = new List<AnswerSaved>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // Guard against a submission meanwhile, as every save does: touch the response only while editable.
            var editable = await db.Responses
                .Where(r => r.Id == responseId && (r.Status == ResponseStatus.Draft || r.Status == ResponseStatus.Returned))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastActivityAt, now), cancellationToken);
            if (editable == 0)
            {
                return new CopyResult(0, ResponseRefusals.NotEditable);
            }

            var plan = (await PlanAsync(db, context.Edition!, context.Response!, cancellationToken)).Where(p => p.Answer.SectionCode == sectionCode).ToList();
            foreach (var (answer, source) in plan)
            {
                db.Answers.Add(Answer.CopiedFromEdition(responseId, answer.Path, answer.Value, context.QuestionnaireVersion, now, user.UserId, user.DisplayName, source));
                db.AnswerChanges.Add(new AnswerChange(responseId, answer.Path, null, answer.Value, now, user.UserId, user.DisplayName, AnswerChangeSource.Copy, CopiedReason(source)));
                saved.Add(new AnswerSaved(responseId, answer.Path, answer.Value, 1, user.UserId, user.DisplayName, now, source));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A colleague saved one of these answers at the same moment (unique path): nothing is copied.
            await transaction.RollbackAsync(cancellationToken);
            return new CopyResult(0, ResponseRefusals.Conflict);
        }

        foreach (var change in saved)
        {
            events.Publish(change);
        }

        return new CopyResult(saved.Count, null, saved);
    }

    /// <summary>Takes copied answers as they are: they stop asking to be confirmed (the value and its version stay).</summary>
    public async Task<CopyResult> ConfirmAsync(StudyUser user, int responseId, IReadOnlyCollection<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var context = await EditableAsync(db, user, responseId, cancellationToken);
        if (context.Refusal is not null)
        {
            return new CopyResult(0, context.Refusal);
        }

        var wanted = paths.Distinct(StringComparer.Ordinal).ToList();
        var confirmed = await db.Answers.Where(a => a.ResponseId == responseId && a.CopiedFrom != null && wanted.Contains(a.Path)).Select(a => a.Path).ToListAsync(cancellationToken);
        if (confirmed.Count == 0)
        {
            return new CopyResult(0, null);
        }

        // A set-based update: confirming changes no value, so the answers keep their versions (no one's edit conflicts).
        await db.Answers.Where(a => a.ResponseId == responseId && confirmed.Contains(a.Path))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.CopiedFrom, (string?)null), cancellationToken);
        events.Publish(new AnswersConfirmed(responseId, confirmed, user.UserId, user.DisplayName, clock.GetUtcNow()));
        return new CopyResult(confirmed.Count, null);
    }

    /// <summary>The history's reason of a copied answer.</summary>
    public static string CopiedReason(string sourceEdition) => string.Create(CultureInfo.InvariantCulture, $"copied from {sourceEdition}");

    private static async Task<(Edition? Edition, Response? Response, int QuestionnaireVersion, string? Refusal)> EditableAsync(IStudyDbContext db, StudyUser user, int responseId, CancellationToken cancellationToken)
    {
        var row = await db.Responses.AsNoTracking()
            .Where(r => r.Id == responseId)
            .Join(db.Editions, r => r.EditionId, e => e.Id, (r, e) => new { Response = r, Edition = e })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return (null, null, 0, ResponseRefusals.NotFound);
        }

        return (row.Edition, row.Response, row.Edition.QuestionnaireVersion, ResponseAccess.WhyNotEditable(user, row.Edition, row.Response));
    }

    // Every answer a section could take, each from the newest earlier approved response that has it to give.
    private async Task<IReadOnlyList<(CarriedAnswer Answer, string SourceEdition)>> PlanAsync(IStudyDbContext db, Edition edition, Response response, CancellationToken cancellationToken)
    {
        var sources = await db.Responses.AsNoTracking()
            .Where(r => r.CityId == response.CityId && r.Status == ResponseStatus.Approved && r.Id != response.Id)
            .Join(db.Editions, r => r.EditionId, e => e.Id, (r, e) => new { r.Id, r.QuestionnaireVersion, e.Code, e.Year })
            .Where(x => x.Year < edition.Year)
            .OrderByDescending(x => x.Year)
            .ToListAsync(cancellationToken);
        var target = await loadQuestionnaire.ExecuteAsync(edition.Code, cancellationToken: cancellationToken);
        if (sources.Count == 0 || target is null)
        {
            return [];
        }

        var definitions = new List<QuestionnaireDefinition>();
        foreach (var code in await db.Editions.AsNoTracking().Where(e => e.QuestionnaireVersion > 0).OrderBy(e => e.Year).Select(e => e.Code).ToListAsync(cancellationToken))
        {
            if (await loadQuestionnaire.ExecuteAsync(code, cancellationToken: cancellationToken) is { } snapshot)
            {
                definitions.Add(snapshot.Definition);
            }
        }

        var links = EditionLinks.Build(definitions);
        var existing = (await db.Answers.AsNoTracking().Where(a => a.ResponseId == response.Id).Select(a => a.Path).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var plan = new List<(CarriedAnswer, string)>();
        var coveredSections = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var definition = (await loadQuestionnaire.ExecuteAsync(source.Code, source.QuestionnaireVersion, cancellationToken))?.Definition;
            if (definition is null)
            {
                continue;
            }

            var answers = await db.LoadAnswerValuesAsync(source.Id, cancellationToken);
            var carried = AnswerCarryOver.Plan(links, definition, answers, target.Definition, existing);
            var sections = carried.Select(c => c.SectionCode).Where(s => !coveredSections.Contains(s)).ToHashSet(StringComparer.Ordinal);
            plan.AddRange(carried.Where(c => sections.Contains(c.SectionCode)).Select(c => (c, source.Code)));
            coveredSections.UnionWith(sections);
        }

        return plan;
    }
}
