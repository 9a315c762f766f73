using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Responses;

/// <summary>
/// Saves one answer as an officer types it. The form names the version its edit was based on; if someone saved the
/// answer since, nothing is overwritten and the other value comes back (a conflict the person resolves). Each change
/// goes to the answer history. The server applies the same rules as the form: what the form refuses, this refuses.
/// A text the browser kept (typed while the connection was down) names the version it was typed over; when every
/// change since then is the same person's own save (whose reply never reached the page), it is not a conflict.
/// </summary>
public sealed class SaveAnswer(IStudyDbContextFactory dbFactory, LoadQuestionnaire loadQuestionnaire, IResponseEvents events, TimeProvider clock)
{
    public Task<SaveAnswerResult> ExecuteAsync(StudyUser user, int responseId, string path, AnswerValue value, int expectedVersion, CancellationToken cancellationToken = default) =>
        ExecuteAsync(user, responseId, path, value, expectedVersion, SaveAnswerBase.Seen, cancellationToken);

    /// <param name="basis">
    /// <see cref="SaveAnswerBase.KeptInBrowser"/> for a text restored from the browser backup: saves made since
    /// <paramref name="expectedVersion"/> by this same person in the form are taken as the base, not as a conflict.
    /// </param>
    public async Task<SaveAnswerResult> ExecuteAsync(StudyUser user, int responseId, string path, AnswerValue value, int expectedVersion, SaveAnswerBase basis, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var context = await db.Responses.AsNoTracking()
            .Where(r => r.Id == responseId)
            .Join(db.Editions, r => r.EditionId, e => e.Id, (r, e) => new { Response = r, Edition = e })
            .SingleOrDefaultAsync(cancellationToken);
        if (context is null)
        {
            return SaveAnswerResult.Refused(ResponseRefusals.NotFound);
        }

        if (ResponseAccess.WhyNotEditable(user, context.Edition, context.Response) is { } refusal)
        {
            return SaveAnswerResult.Refused(refusal);
        }

        var questionnaire = await loadQuestionnaire.ExecuteAsync(context.Edition.Code, cancellationToken: cancellationToken);
        var rules = new QuestionnaireRules(questionnaire!.Definition);
        if (!rules.TryResolve(path, out var question, out var group, out var itemId))
        {
            return SaveAnswerResult.Invalid([new AnswerProblem(path, AnswerProblemCodes.UnknownQuestion, $"There is no question '{path}' in this questionnaire.")]);
        }

        var problems = QuestionnaireRules.ValidateValue(question, path, value);
        if (problems.Count > 0)
        {
            return SaveAnswerResult.Invalid(problems);
        }

        if (group is not null && !await ItemExistsAsync(db, responseId, group.Code, itemId!, cancellationToken))
        {
            return SaveAnswerResult.Invalid([new AnswerProblem(path, AnswerProblemCodes.InvalidItem, $"This {group.Code} item has been removed.")]);
        }

        var now = clock.GetUtcNow();
        var saved = new List<AnswerSaved>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var existing = await db.Answers.SingleOrDefaultAsync(a => a.ResponseId == responseId && a.Path == path, cancellationToken);
            var current = existing is null ? null : ToStored(existing);
            if (current is not null && current.Version > expectedVersion && basis == SaveAnswerBase.KeptInBrowser
                && await OnlyOwnChangesSinceAsync(db, responseId, path, user, current.Version - expectedVersion, cancellationToken))
            {
                expectedVersion = current.Version;
            }

            if ((current?.Version ?? 0) != expectedVersion)
            {
                // Saving the value that is already there is not a conflict (a retry after a lost reply, say).
                return current is not null && current.Value.SameAs(value) ? SaveAnswerResult.Saved(current.Version) : SaveAnswerResult.Conflicting(current ?? Missing(path));
            }

            if (current is not null && current.Value.SameAs(value))
            {
                return SaveAnswerResult.Saved(current.Version);
            }

            // Guard against a submission that happened meanwhile: touch the response only while it is still editable.
            var editable = await db.Responses
                .Where(Response.IsEditableByCityExpression)
                .Where(r => r.Id == responseId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastActivityAt, now), cancellationToken);
            if (editable == 0)
            {
                return SaveAnswerResult.Refused(ResponseRefusals.NotEditable);
            }

            existing = Store(db, existing, responseId, path, value, questionnaire.VersionNumber, now, user, current?.Value);
            if (question.Type == QuestionType.Group)
            {
                saved.AddRange(await RemoveFieldsOfDroppedItemsAsync(db, responseId, question, current?.Value, value, questionnaire.VersionNumber, now, user, cancellationToken));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            saved.Insert(0, new AnswerSaved(responseId, path, value, existing.Version, user.UserId, user.DisplayName, now));
        }
        catch (DbUpdateException)
        {
            // Another save of the same answer won the race (version check or unique path): show what it saved.
            await transaction.RollbackAsync(cancellationToken);
            await using var fresh = await dbFactory.CreateAsync(cancellationToken);
            var winner = await fresh.Answers.AsNoTracking().SingleOrDefaultAsync(a => a.ResponseId == responseId && a.Path == path, cancellationToken);
            return SaveAnswerResult.Conflicting(winner is null ? Missing(path) : ToStored(winner));
        }

        foreach (var change in saved)
        {
            events.Publish(change);
        }

        return SaveAnswerResult.Saved(saved[0].Version);
    }

    // The last `count` changes of the answer (one per version) were all this person's saves in the form.
    private static async Task<bool> OnlyOwnChangesSinceAsync(IStudyDbContext db, int responseId, string path, StudyUser user, int count, CancellationToken cancellationToken)
    {
        var last = await db.AnswerChanges.AsNoTracking()
            .Where(c => c.ResponseId == responseId && c.Path == path)
            .OrderByDescending(c => c.Id)
            .Take(count)
            .Select(c => new { c.UserId, c.Source })
            .ToListAsync(cancellationToken);
        return last.Count == count && last.All(c => c.UserId == user.UserId && c.Source == AnswerChangeSource.Form);
    }

    private static Answer Store(IStudyDbContext db, Answer? existing, int responseId, string path, AnswerValue value, int questionnaireVersion, DateTimeOffset now, StudyUser user, AnswerValue? old)
    {
        if (existing is null)
        {
            existing = new Answer(responseId, path, value, questionnaireVersion, now, user.UserId, user.DisplayName);
            db.Answers.Add(existing);
        }
        else
        {
            existing.Change(value, questionnaireVersion, now, user.UserId, user.DisplayName);
        }

        db.AnswerChanges.Add(new AnswerChange(responseId, path, old, value, now, user.UserId, user.DisplayName, AnswerChangeSource.Form));
        return existing;
    }

    // Removing an item from a group (a good practice) removes what was written in it, in the same transaction.
    private static async Task<IReadOnlyList<AnswerSaved>> RemoveFieldsOfDroppedItemsAsync(
        IStudyDbContext db, int responseId, Question group, AnswerValue? before, AnswerValue after, int questionnaireVersion, DateTimeOffset now, StudyUser user, CancellationToken cancellationToken)
    {
        var dropped = (before?.Items ?? []).Except(after.Items ?? []).ToHashSet(StringComparer.Ordinal);
        if (dropped.Count == 0)
        {
            return [];
        }

        var prefix = group.Code + "/";
        var fields = await db.Answers.Where(a => a.ResponseId == responseId && a.QuestionCode == group.Code && a.Path.StartsWith(prefix)).ToListAsync(cancellationToken);
        var cleared = new List<AnswerSaved>();
        foreach (var field in fields.Where(f => AnswerPath.TryParseField(f.Path, out _, out var id, out _) && dropped.Contains(id)))
        {
            var old = field.Value;
            if (old.IsEmpty)
            {
                continue;
            }

            field.Change(AnswerValue.Empty, questionnaireVersion, now, user.UserId, user.DisplayName);
            db.AnswerChanges.Add(new AnswerChange(responseId, field.Path, old, AnswerValue.Empty, now, user.UserId, user.DisplayName, AnswerChangeSource.Form));
            cleared.Add(new AnswerSaved(responseId, field.Path, AnswerValue.Empty, field.Version + 1, user.UserId, user.DisplayName, now));
        }

        return cleared;
    }

    private static async Task<bool> ItemExistsAsync(IStudyDbContext db, int responseId, string groupCode, string itemId, CancellationToken cancellationToken)
    {
        var json = await db.Answers.AsNoTracking().Where(a => a.ResponseId == responseId && a.Path == groupCode).Select(a => a.ValueJson).SingleOrDefaultAsync(cancellationToken);
        return json is not null && (AnswerValue.FromJson(json).Items ?? []).Contains(itemId);
    }

    private static StoredAnswer ToStored(Answer answer) => new(answer.Value, answer.Version, answer.UpdatedByName, answer.UpdatedAt);

    private static StoredAnswer Missing(string path) => new(AnswerValue.Empty, 0, null, DateTimeOffset.MinValue);
}
