using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Responses;
using SmartCitiesStudy.Application.Features.Review;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Review;

public sealed class ReviewLoopTests : IAsyncLifetime
{
    private static readonly StudyUser Secretariat = new("sec", "Sara", null, new HashSet<string> { StudyRoles.Secretariat });
    private static readonly StudyUser Reviewer = new("rev", "Rui", null, new HashSet<string> { StudyRoles.Reviewer });
    private static readonly StudyUser Reviewer2 = new("rev2", "Rosa", null, new HashSet<string> { StudyRoles.Reviewer });
    private TestDatabase _database = default!;
    private ServiceProvider _services = default!;
    private StudyUser _ane = default!;
    private int _response;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.CreateServices(s => s.AddStudyApplication());
        await using var db = _database.CreateContext();
        var bilbao = new City("Bilbao", "Spain", Region.Europe);
        db.Cities.Add(bilbao);
        await db.SaveChangesAsync(Ct);
        _ane = new StudyUser("ane", "Ane", bilbao.Id, new HashSet<string> { StudyRoles.CityOfficer });
        await Get<CreateEdition>().ExecuteAsync("2026", "Smart Cities Study 2026", "ECONOMY", 2026, "2017", Secretariat, Ct);
        var version = await db.Editions.Where(e => e.Code == "2026").Select(e => e.Version).SingleAsync(Ct);
        await Get<ChangeEditionStatus>().ExecuteAsync("2026", EditionAction.Open, version, Secretariat, cancellationToken: Ct);

        _response = (await Get<OpenResponse>().ForOfficerAsync(_ane, "2026", Ct))!.ResponseId;
        await AnswerMissingRequiredAsync();
    }

    // Answers "no" (or the first option) to every required question still missing, as often as answers reveal more.
    private async Task AnswerMissingRequiredAsync()
    {
        while (true)
        {
            var session = (await Get<OpenResponse>().ForOfficerAsync(_ane, "2026", Ct))!;
            var answers = session.Answers.ToDictionary(a => a.Key, a => a.Value.Value);
            var missing = new QuestionnaireRules(session.Questionnaire).MissingRequired(answers).ToList();
            if (missing.Count == 0)
            {
                return;
            }

            foreach (var problem in missing)
            {
                var q = session.Questionnaire.Find(problem.Path)!;
                await Save(problem.Path, q.Type == QuestionType.YesNo ? AnswerValue.No : AnswerValue.OfChoices([q.Options[0].Code]), session.Answers.GetValueOrDefault(problem.Path)?.Version ?? 0);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    private Task<SaveAnswerResult> Save(string path, AnswerValue value, int expected) => Get<SaveAnswer>().ExecuteAsync(_ane, _response, path, value, expected, Ct);

    private async Task<int> VersionAsync()
    {
        await using var db = _database.CreateContext();
        return await db.Responses.Where(r => r.Id == _response).Select(r => r.Version).SingleAsync(Ct);
    }

    [Fact]
    public async Task Submit_return_with_comments_fix_resubmit_see_the_change_approve_and_every_step_is_audited()
    {
        Assert.True((await Get<SubmitResponse>().ExecuteAsync(_ane, _response, Ct)).Submitted);

        var comments = Get<ResponseComments>();
        Assert.True((await comments.AddAsync(Reviewer, _response, "ss_strategy", null, "Bilbao published iBilbao 2020 in 2014: is the answer really no?", false, Ct)).Succeeded);
        Assert.True((await comments.AddAsync(Reviewer, _response, "talent_retention", null, "Please describe the Bizkaia Talent programme.", false, Ct)).Succeeded);
        Assert.True((await comments.AddAsync(Reviewer, _response, null, null, "Internal: call them if no reply by Friday.", true, Ct)).Succeeded);
        Assert.True((await Get<DecideResponse>().ExecuteAsync(Reviewer, _response, ReviewDecision.Return, await VersionAsync(), "Two answers to check", Ct)).Succeeded);

        // The officer sees the two public comments next to their answers, not the internal note, and replies.
        var seen = await comments.ListAsync(_ane, _response, Ct);
        Assert.Equal(["ss_strategy", "talent_retention"], seen.Select(c => c.Path));
        Assert.True((await comments.AddAsync(_ane, _response, "talent_retention", seen[1].Id, "It is described in our annual report.", false, Ct)).Succeeded);
        Assert.False((await comments.AddAsync(_ane, _response, null, null, "sneaky", isInternal: true, Ct)).Succeeded);

        var session = (await Get<OpenResponse>().ForOfficerAsync(_ane, "2026", Ct))!;
        Assert.True(session.Editable);
        Assert.Equal(SaveAnswerOutcome.Saved, (await Save("ss_strategy", AnswerValue.Yes, session.Answers["ss_strategy"].Version)).Outcome);
        await Save("ss_formalised", AnswerValue.Yes, 0);
        await AnswerMissingRequiredAsync();
        Assert.True((await Get<SubmitResponse>().ExecuteAsync(_ane, _response, Ct)).Submitted);

        var review = (await Get<ReviewSessionLoader>().ExecuteAsync(Reviewer, _response, Ct))!;
        Assert.Contains("ss_strategy", review.ChangedSinceReturn);
        Assert.Contains("ss_formalised", review.ChangedSinceReturn);
        Assert.DoesNotContain("talent_retention", review.ChangedSinceReturn);
        Assert.Equal(4, review.Comments.Count);
        Assert.Contains(review.History, h => h.Path == "ss_strategy" && h.Old?.Bool == false && h.New?.Bool == true && h.UserName == "Ane");

        Assert.True((await Get<DecideResponse>().ExecuteAsync(Reviewer, _response, ReviewDecision.Approve, await VersionAsync(), cancellationToken: Ct)).Succeeded);

        await using var db = _database.CreateContext();
        var trail = await db.AuditEntries.Where(a => a.ResponseId == _response).OrderBy(a => a.Id).Select(a => new { a.Action, a.Before, a.After, a.UserName }).ToListAsync(Ct);
        var statusSteps = trail.Where(t => t.Action == AuditActions.ResponseStatusChanged).Select(t => (t.Before, t.After, t.UserName)).ToList();
        Assert.Equal(
            [("Draft", "Submitted", "Ane"), ("Submitted", "Returned", "Rui"), ("Returned", "Submitted", "Ane"), ("Submitted", "Approved", "Rui")],
            statusSteps);
        Assert.Equal(4, trail.Count(t => t.Action == AuditActions.CommentAdded));

        var editionTrail = await Get<ResponseAuditTrail>().ForEditionAsync(Reviewer, "2026", Ct);
        Assert.Contains(editionTrail, l => l.Action == AuditActions.EditionStatusChanged && l.After == "Open");
        Assert.Contains(editionTrail, l => l.Action == AuditActions.ResponseStatusChanged && l.After == "Approved" && l.Reason!.StartsWith("Bilbao", StringComparison.Ordinal));
        Assert.Empty(await Get<ResponseAuditTrail>().ForEditionAsync(_ane, "2026", Ct));
        Assert.Equal(ResponseStatus.Approved, await db.Responses.Where(r => r.Id == _response).Select(r => r.Status).SingleAsync(Ct));
    }

    [Fact]
    public async Task Two_reviewers_acting_at_once_one_wins_and_the_other_is_told()
    {
        Assert.True((await Get<SubmitResponse>().ExecuteAsync(_ane, _response, Ct)).Submitted);
        var seen = await VersionAsync();

        var results = await Task.WhenAll(
            Get<DecideResponse>().ExecuteAsync(Reviewer, _response, ReviewDecision.Approve, seen, cancellationToken: Ct),
            Get<DecideResponse>().ExecuteAsync(Reviewer2, _response, ReviewDecision.Return, seen, "no", Ct));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(DecideResponse.ChangedMeanwhile, Assert.Single(results, r => !r.Succeeded).ErrorCode);
    }

    [Fact]
    public async Task Reviewers_correct_a_typo_only_with_a_reason_and_officers_cannot_review()
    {
        await Save("ss_priority_sectors", AnswerValue.OfText("Aeronatics"), 0);
        Assert.True((await Get<SubmitResponse>().ExecuteAsync(_ane, _response, Ct)).Submitted);

        var noReason = await Get<CorrectAnswer>().ExecuteAsync(Reviewer, _response, "ss_priority_sectors", AnswerValue.OfText("Aeronautics"), 1, " ", Ct);
        Assert.Equal("correction.reason_required", noReason.ErrorCode);
        var fixedTypo = await Get<CorrectAnswer>().ExecuteAsync(Reviewer, _response, "ss_priority_sectors", AnswerValue.OfText("Aeronautics"), 1, "Typo", Ct);
        Assert.True(fixedTypo.Succeeded, fixedTypo.Error);

        Assert.Equal(ResponseRefusals.Forbidden, (await Get<DecideResponse>().ExecuteAsync(_ane, _response, ReviewDecision.Approve, await VersionAsync(), cancellationToken: Ct)).ErrorCode);
        Assert.Null(await Get<ReviewSessionLoader>().ExecuteAsync(_ane, _response, Ct));

        await using var db = _database.CreateContext();
        var change = await db.AnswerChanges.Where(c => c.Path == "ss_priority_sectors").OrderBy(c => c.Id).LastAsync(Ct);
        Assert.Equal((AnswerChangeSource.ReviewerCorrection, "Typo", "Rui"), (change.Source, change.Reason, change.UserName));
    }
}
