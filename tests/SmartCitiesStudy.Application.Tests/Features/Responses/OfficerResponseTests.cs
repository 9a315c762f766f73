using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Responses;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Responses;

public sealed class OfficerResponseTests : IAsyncLifetime
{
    private static readonly StudyUser Secretariat = new("sec", "Sara", null, new HashSet<string> { StudyRoles.Secretariat });
    private TestDatabase _database = default!;
    private ServiceProvider _services = default!;
    private StudyUser _ane = default!;
    private StudyUser _jon = default!;
    private StudyUser _rita = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.CreateServices(s => s.AddStudyApplication());
        await using var db = _database.CreateContext();
        var bilbao = new City("Bilbao", "Spain", Region.Europe);
        var porto = new City("Porto", "Portugal", Region.Europe);
        db.Cities.AddRange(bilbao, porto);
        await db.SaveChangesAsync(Ct);
        _ane = Officer("ane", "Ane", bilbao.Id);
        _jon = Officer("jon", "Jon", bilbao.Id);
        _rita = Officer("rita", "Rita", porto.Id);

        Assert.True((await Get<CreateEdition>().ExecuteAsync("2026", "Smart Cities Study 2026", "ECONOMY", 2026, "2017", Secretariat, Ct)).Succeeded);
        var version = await db.Editions.Where(e => e.Code == "2026").Select(e => e.Version).SingleAsync(Ct);
        Assert.True((await Get<ChangeEditionStatus>().ExecuteAsync("2026", EditionAction.Open, version, Secretariat, cancellationToken: Ct)).Succeeded);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static StudyUser Officer(string id, string name, int cityId) => new(id, name, cityId, new HashSet<string> { StudyRoles.CityOfficer });

    private T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    private async Task<ResponseSession> OpenAsync(StudyUser user) => (await Get<OpenResponse>().ForOfficerAsync(user, "2026", Ct))!;

    private Task<SaveAnswerResult> SaveAsync(StudyUser user, int responseId, string path, AnswerValue value, int expected) =>
        Get<SaveAnswer>().ExecuteAsync(user, responseId, path, value, expected, Ct);

    [Fact]
    public async Task Two_officers_of_a_city_share_one_response_and_see_each_other_s_answers()
    {
        var ane = await OpenAsync(_ane);
        var jon = await OpenAsync(_jon);
        Assert.Equal(ane.ResponseId, jon.ResponseId);
        Assert.True(ane.Editable);

        var saved = await SaveAsync(_ane, ane.ResponseId, "ss_strategy", AnswerValue.Yes, expected: 0);
        Assert.Equal(SaveAnswerOutcome.Saved, saved.Outcome);
        Assert.Equal(1, saved.Version);

        var reopened = await OpenAsync(_jon);
        Assert.True(reopened.Answers["ss_strategy"].Value.SameAs(AnswerValue.Yes));
        Assert.Equal("Ane", reopened.Answers["ss_strategy"].UpdatedBy);
    }

    [Fact]
    public async Task The_later_of_two_edits_of_one_field_does_not_overwrite_and_gets_the_other_value()
    {
        var response = (await OpenAsync(_ane)).ResponseId;
        Assert.Equal(SaveAnswerOutcome.Saved, (await SaveAsync(_ane, response, "ss_priority_sectors", AnswerValue.OfText("ICT"), 0)).Outcome);

        // Jon's form was loaded before Ane's save: it still thinks there is no answer (version 0).
        var conflict = await SaveAsync(_jon, response, "ss_priority_sectors", AnswerValue.OfText("Tourism"), 0);

        Assert.Equal(SaveAnswerOutcome.Conflict, conflict.Outcome);
        Assert.Equal("ICT", conflict.Current!.Value.Text);
        Assert.Equal("Ane", conflict.Current.UpdatedBy);

        // Jon chooses to keep his, knowingly: he names the version he saw.
        var resolved = await SaveAsync(_jon, response, "ss_priority_sectors", AnswerValue.OfText("Tourism"), conflict.Current.Version);
        Assert.Equal(SaveAnswerOutcome.Saved, resolved.Outcome);

        await using var db = _database.CreateContext();
        var history = await db.AnswerChanges.Where(c => c.Path == "ss_priority_sectors").OrderBy(c => c.Id).Select(c => new { c.UserName, c.OldValueJson, c.NewValueJson }).ToListAsync(Ct);
        Assert.Equal(2, history.Count);
        Assert.Equal(("Ane", null, """{"text":"ICT"}"""), (history[0].UserName, history[0].OldValueJson, history[0].NewValueJson));
        Assert.Equal(("Jon", """{"text":"ICT"}""", """{"text":"Tourism"}"""), (history[1].UserName, history[1].OldValueJson, history[1].NewValueJson));
    }

    [Fact]
    public async Task A_text_kept_in_the_browser_goes_over_the_officer_s_own_later_saves_but_never_over_another_officer_s()
    {
        var response = (await OpenAsync(_ane)).ResponseId;
        var path = "ss_priority_sectors";
        Assert.Equal(1, (await SaveAsync(_ane, response, path, AnswerValue.OfText("ICT"), 0)).Version);

        // Ane's page typed on over version 1; her save of part of it (version 2) never got its reply to the page.
        Assert.Equal(2, (await SaveAsync(_ane, response, path, AnswerValue.OfText("ICT and"), 1)).Version);
        var restored = await Get<SaveAnswer>().ExecuteAsync(_ane, response, path, AnswerValue.OfText("ICT and tourism"), 1, SaveAnswerBase.KeptInBrowser, Ct);
        Assert.Equal((SaveAnswerOutcome.Saved, 3), (restored.Outcome, restored.Version));

        // Named as seen in the form, the same stale version is still a conflict: only the browser's kept text is re-based.
        Assert.Equal(SaveAnswerOutcome.Conflict, (await SaveAsync(_ane, response, path, AnswerValue.OfText("ICT, tourism"), 1)).Outcome);

        // Jon saved since the version Ane's kept text was typed over: hers does not overwrite his, she chooses.
        Assert.Equal(4, (await SaveAsync(_jon, response, path, AnswerValue.OfText("Tourism"), 3)).Version);
        var conflict = await Get<SaveAnswer>().ExecuteAsync(_ane, response, path, AnswerValue.OfText("ICT and tourism, culture"), 3, SaveAnswerBase.KeptInBrowser, Ct);
        Assert.Equal(SaveAnswerOutcome.Conflict, conflict.Outcome);
        Assert.Equal(("Tourism", "Jon", 4), (conflict.Current!.Value.Text, conflict.Current.UpdatedBy, conflict.Current.Version));

        // Also when Jon's change is not the last one.
        Assert.Equal(5, (await SaveAsync(_ane, response, path, AnswerValue.OfText("Tourism and ICT"), 4)).Version);
        var older = await Get<SaveAnswer>().ExecuteAsync(_ane, response, path, AnswerValue.OfText("ICT only"), 3, SaveAnswerBase.KeptInBrowser, Ct);
        Assert.Equal(SaveAnswerOutcome.Conflict, older.Outcome);

        await using var db = _database.CreateContext();
        Assert.Equal("Tourism and ICT", AnswerValue.FromJson(await db.Answers.Where(a => a.Path == path).Select(a => a.ValueJson).SingleAsync(Ct)).Text);
    }

    [Fact]
    public async Task Many_simultaneous_saves_of_one_field_keep_exactly_one_winner()
    {
        var response = (await OpenAsync(_ane)).ResponseId;
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            SaveAsync(i % 2 == 0 ? _ane : _jon, response, "ss_priority_sectors", AnswerValue.OfText($"value {i}"), 0)));

        Assert.Single(results, r => r.Outcome == SaveAnswerOutcome.Saved);
        Assert.All(results.Where(r => r.Outcome != SaveAnswerOutcome.Saved), r => Assert.Equal(SaveAnswerOutcome.Conflict, r.Outcome));
        await using var db = _database.CreateContext();
        Assert.Equal(1, await db.AnswerChanges.CountAsync(c => c.Path == "ss_priority_sectors", Ct));
    }

    [Fact]
    public async Task An_officer_of_another_city_cannot_read_or_write_the_response_by_id()
    {
        var bilbao = (await OpenAsync(_ane)).ResponseId;
        Assert.Null(await Get<OpenResponse>().ByIdAsync(_rita, bilbao, Ct));
        var write = await SaveAsync(_rita, bilbao, "ss_strategy", AnswerValue.No, 0);
        Assert.Equal((SaveAnswerOutcome.Refused, ResponseRefusals.Forbidden), (write.Outcome, write.Refusal));
        var submit = await Get<SubmitResponse>().ExecuteAsync(_rita, bilbao, Ct);
        Assert.Equal(ResponseRefusals.Forbidden, submit.Refusal);
    }

    [Fact]
    public async Task The_server_refuses_what_the_form_refuses_and_stores_nothing()
    {
        var response = (await OpenAsync(_ane)).ResponseId;
        var tooBig = await SaveAsync(_ane, response, "university_share_25_30", AnswerValue.OfNumber(250), 0);
        Assert.Equal(AnswerProblemCodes.AboveMax, Assert.Single(tooBig.Problems).Code);
        var wrongType = await SaveAsync(_ane, response, "ss_strategy", AnswerValue.OfText("<script>alert(1)</script>"), 0);
        Assert.Equal(AnswerProblemCodes.WrongType, Assert.Single(wrongType.Problems).Code);
        var unknown = await SaveAsync(_ane, response, "smart_toasters", AnswerValue.Yes, 0);
        Assert.Equal(AnswerProblemCodes.UnknownQuestion, Assert.Single(unknown.Problems).Code);
        var tooLong = await SaveAsync(_ane, response, "ss_formalised_document", AnswerValue.OfText(new string('x', 100_000)), 0);
        Assert.Equal(AnswerProblemCodes.TooLong, Assert.Single(tooLong.Problems).Code);

        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Answers.CountAsync(Ct));
    }

    [Fact]
    public async Task Submitting_lists_the_missing_required_answers_then_succeeds_and_locks_the_form()
    {
        var session = await OpenAsync(_ane);
        var missing = await Get<SubmitResponse>().ExecuteAsync(_ane, session.ResponseId, Ct);
        Assert.False(missing.Submitted);
        Assert.Equal(ResponseRefusals.Incomplete, missing.Refusal);
        Assert.Contains(missing.Problems, p => p.Path == "ss_strategy" && p.Code == AnswerProblemCodes.Required);

        foreach (var path in new Domain.Answers.QuestionnaireRules(session.Questionnaire).MissingRequired(new Dictionary<string, AnswerValue>()).Select(p => p.Path).ToList())
        {
            var question = session.Questionnaire.Find(path)!;
            var value = question.Type switch
            {
                Domain.Questionnaires.QuestionType.YesNo => AnswerValue.No,
                Domain.Questionnaires.QuestionType.MultipleChoice => AnswerValue.OfChoices([question.Options[0].Code]),
                _ => AnswerValue.OfText("x"),
            };
            Assert.Equal(SaveAnswerOutcome.Saved, (await SaveAsync(_ane, session.ResponseId, path, value, 0)).Outcome);
        }

        var submitted = await Get<SubmitResponse>().ExecuteAsync(_jon, session.ResponseId, Ct);
        Assert.True(submitted.Submitted, string.Join(", ", submitted.Problems));

        var after = await OpenAsync(_ane);
        Assert.Equal(ResponseStatus.Submitted, after.Status);
        Assert.False(after.Editable);
        var late = await SaveAsync(_ane, session.ResponseId, "ss_priority_sectors", AnswerValue.OfText("late"), 0);
        Assert.Equal(ResponseRefusals.NotEditable, late.Refusal);
    }

    [Fact]
    public async Task Removing_a_good_practice_removes_what_was_written_in_it()
    {
        var response = (await OpenAsync(_ane)).ResponseId;
        var add = await SaveAsync(_ane, response, "good_practices", AnswerValue.OfItems(["gp000001"]), 0);
        await SaveAsync(_ane, response, AnswerPath.Field("good_practices", "gp000001", "title"), AnswerValue.OfText("Ruta N"), 0);
        var orphan = await SaveAsync(_ane, response, AnswerPath.Field("good_practices", "nothere1", "title"), AnswerValue.OfText("?"), 0);
        Assert.Equal(AnswerProblemCodes.InvalidItem, Assert.Single(orphan.Problems).Code);

        await SaveAsync(_ane, response, "good_practices", AnswerValue.Empty, add.Version);

        var session = await OpenAsync(_ane);
        Assert.True(session.Answers[AnswerPath.Field("good_practices", "gp000001", "title")].Value.IsEmpty);
    }

    [Fact]
    public async Task Nothing_can_change_once_the_edition_is_closed_and_the_officer_home_shows_progress()
    {
        var response = (await OpenAsync(_ane)).ResponseId;
        await SaveAsync(_ane, response, "ss_strategy", AnswerValue.Yes, 0);
        var home = Assert.Single(await Get<ListMyQuestionnaires>().ExecuteAsync(_ane, Ct), q => q.EditionCode == "2026");
        Assert.Equal(ResponseStatus.Draft, home.Status);
        Assert.InRange(home.PercentComplete, 1, 10);

        await using (var db = _database.CreateContext())
        {
            var version = await db.Editions.Where(e => e.Code == "2026").Select(e => e.Version).SingleAsync(Ct);
            Assert.True((await Get<ChangeEditionStatus>().ExecuteAsync("2026", EditionAction.Close, version, Secretariat, cancellationToken: Ct)).Succeeded);
        }

        var closed = await SaveAsync(_ane, response, "ss_strategy", AnswerValue.No, 1);
        Assert.Equal(ResponseRefusals.EditionNotOpen, closed.Refusal);
    }
}
