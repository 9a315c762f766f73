using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Features.Responses;
using SmartCitiesStudy.Application.Features.Review;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Responses;

/// <summary>
/// Issue 18, "start from last edition's answers": an officer copies a section from the city's approved response of an
/// earlier edition (equal codes and <c>sameAs</c> links), never over an answer typed in this edition; copied answers
/// are recorded in the history and must be confirmed or changed before the response can be submitted.
/// </summary>
public sealed class StartFromLastAnswersTests : IAsyncLifetime
{
    private const string Earlier = """
        { "format": 1, "edition": "2030", "title": { "en": "Study 2030" }, "sections": [
          { "code": "governance", "title": { "en": "Governance" }, "subsections": [ { "code": "plan", "title": { "en": "Plan" }, "questions": [
            { "code": "has_plan", "type": "yes_no", "title": { "en": "Has a plan?" }, "required": true },
            { "code": "plan_budget", "type": "number", "title": { "en": "Budget" }, "max": 1000 },
            { "code": "portal", "type": "single_choice", "title": { "en": "Portal" }, "options": [ { "code": "web", "title": { "en": "Web" } }, { "code": "app", "title": { "en": "App" } } ] },
            { "code": "old_name", "type": "short_text", "title": { "en": "Name of the plan" } } ] } ] },
          { "code": "economy", "title": { "en": "Economy" }, "subsections": [ { "code": "spaces", "title": { "en": "Spaces" }, "questions": [
            { "code": "incubators", "type": "yes_no", "title": { "en": "Incubators?" } } ] } ] } ] }
        """;

    private const string Current = """
        { "format": 1, "edition": "2033", "title": { "en": "Study 2033" }, "sections": [
          { "code": "governance", "title": { "en": "Governance" }, "subsections": [ { "code": "plan", "title": { "en": "Plan" }, "questions": [
            { "code": "has_plan", "type": "yes_no", "title": { "en": "Has a plan?" }, "required": true },
            { "code": "plan_budget", "type": "number", "title": { "en": "Budget" }, "max": 100 },
            { "code": "portal", "type": "single_choice", "title": { "en": "Portal" }, "options": [ { "code": "web_site", "title": { "en": "Web site" }, "sameAs": "2030:portal/web" }, { "code": "mobile", "title": { "en": "Mobile" } } ] },
            { "code": "plan_name", "type": "short_text", "title": { "en": "Name of the plan" }, "sameAs": "2030:old_name" },
            { "code": "new_question", "type": "yes_no", "title": { "en": "New?" }, "required": true } ] } ] },
          { "code": "economy", "title": { "en": "Economy" }, "subsections": [ { "code": "spaces", "title": { "en": "Spaces" }, "questions": [
            { "code": "incubation_spaces", "type": "yes_no", "title": { "en": "Incubation spaces?" }, "sameAs": "2030:incubators" } ] } ] } ] }
        """;

    private static readonly StudyUser Secretariat = new("sec", "Sara", null, new HashSet<string> { StudyRoles.Secretariat });
    private TestDatabase _database = default!;
    private ServiceProvider _services = default!;
    private StudyUser _ane = default!;
    private StudyUser _rita = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.CreateServices(s => s.AddStudyApplication());
        int bilbao, porto;
        await using (var db = _database.CreateContext())
        {
            var cities = new[] { new City("Bilbao", "Spain", Region.Europe), new City("Porto", "Portugal", Region.Europe) };
            db.Cities.AddRange(cities);
            await db.SaveChangesAsync(Ct);
            (bilbao, porto) = (cities[0].Id, cities[1].Id);
        }

        _ane = new StudyUser("ane", "Ane", bilbao, new HashSet<string> { StudyRoles.CityOfficer });
        _rita = new StudyUser("rita", "Rita", porto, new HashSet<string> { StudyRoles.CityOfficer });

        await CreateAndOpenAsync("2030", 2030, Earlier);
        // Bilbao's 2030 response is approved; Porto's is only submitted (not a source).
        foreach (var (officer, approve) in new[] { (_ane, true), (_rita, false) })
        {
            var id = (await Get<OpenResponse>().ForOfficerAsync(officer, "2030", Ct))!.ResponseId;
            await SaveAsync(officer, id, "has_plan", AnswerValue.Yes);
            await SaveAsync(officer, id, "plan_budget", AnswerValue.OfNumber(500));
            await SaveAsync(officer, id, "portal", AnswerValue.OfChoice("web"));
            await SaveAsync(officer, id, "old_name", AnswerValue.OfText("Plan B"));
            await SaveAsync(officer, id, "incubators", AnswerValue.No);
            Assert.True((await Get<SubmitResponse>().ExecuteAsync(officer, id, Ct)).Submitted);
            if (approve)
            {
                await using var db = _database.CreateContext();
                var version = await db.Responses.Where(r => r.Id == id).Select(r => r.Version).SingleAsync(Ct);
                Assert.True((await Get<DecideResponse>().ExecuteAsync(Secretariat, id, ReviewDecision.Approve, version, cancellationToken: Ct)).Succeeded);
            }
        }

        await CreateAndOpenAsync("2033", 2033, Current);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Officer_copies_a_section_by_code_and_sameAs_without_overwriting_and_confirms_before_submitting()
    {
        var responseId = (await Get<OpenResponse>().ForOfficerAsync(_ane, "2033", Ct))!.ResponseId;
        await SaveAsync(_ane, responseId, "has_plan", AnswerValue.No); // typed in this edition: never overwritten

        var offers = await Copier.OffersAsync(_ane, responseId, Ct);
        // governance: portal (option linked by sameAs) and plan_name (question linked by sameAs); has_plan is typed,
        // plan_budget's 500 is over this edition's maximum of 100. economy: incubation_spaces (sameAs).
        Assert.Equal([new CopyOffer("governance", "2030", 2), new CopyOffer("economy", "2030", 1)], offers);

        var copied = await Copier.CopySectionAsync(_ane, responseId, "governance", Ct);
        Assert.Equal((2, null), (copied.Count, copied.Refusal));
        // The copies come back with the result, so the officer's form shows them at once, all together.
        Assert.Equal(["plan_name", "portal"], copied.Copied!.Select(c => c.Path).Order(StringComparer.Ordinal));
        Assert.All(copied.Copied!, c => Assert.Equal(("2030", 1), (c.CopiedFrom, c.Version)));
        var session = (await Get<OpenResponse>().ForOfficerAsync(_ane, "2033", Ct))!;
        Assert.Equal(AnswerValue.No, session.Answers["has_plan"].Value);
        Assert.Null(session.Answers["has_plan"].CopiedFrom);
        Assert.Equal(["web_site"], session.Answers["portal"].Value.Codes);
        Assert.Equal("2030", session.Answers["portal"].CopiedFrom);
        Assert.Equal("Plan B", session.Answers["plan_name"].Value.Text);
        Assert.Equal("2030", session.Answers["plan_name"].CopiedFrom);
        Assert.False(session.Answers.ContainsKey("plan_budget"));
        Assert.False(session.Answers.ContainsKey("incubation_spaces")); // another section: not copied

        await using (var db = _database.CreateContext())
        {
            var history = await db.AnswerChanges.AsNoTracking().Where(c => c.ResponseId == responseId && c.Source == AnswerChangeSource.Copy)
                .OrderBy(c => c.Path).Select(c => new { c.Path, c.Reason, c.UserId }).ToListAsync(Ct);
            Assert.Equal(["plan_name", "portal"], history.Select(h => h.Path));
            Assert.All(history, h => Assert.Equal(("copied from 2030", "ane"), (h.Reason, h.UserId)));
        }

        // The section's offer is used up; copying again copies nothing.
        Assert.Equal([new CopyOffer("economy", "2030", 1)], await Copier.OffersAsync(_ane, responseId, Ct));
        var again = await Copier.CopySectionAsync(_ane, responseId, "governance", Ct);
        Assert.Equal((0, null, 0), (again.Count, again.Refusal, again.Copied!.Count));

        // Unconfirmed copies are listed on submit like missing answers.
        await SaveAsync(_ane, responseId, "new_question", AnswerValue.Yes);
        var refused = await Get<SubmitResponse>().ExecuteAsync(_ane, responseId, Ct);
        Assert.False(refused.Submitted);
        Assert.Equal(ResponseRefusals.Incomplete, refused.Refusal);
        Assert.Equal([("plan_name", AnswerProblemCodes.Unconfirmed), ("portal", AnswerProblemCodes.Unconfirmed)], refused.Problems.Select(p => (p.Path, p.Code)));
        Assert.Equal("2030", Assert.Single(refused.Problems[0].Arguments!));

        // One is confirmed as it is (its version stays), the other changed by a colleague's save: both count as given.
        Assert.Equal(new CopyResult(1, null), await Copier.ConfirmAsync(_ane, responseId, ["portal"], Ct));
        Assert.Equal(1, (await Get<OpenResponse>().ForOfficerAsync(_ane, "2033", Ct))!.Answers["portal"].Version);
        await SaveAsync(_ane, responseId, "plan_name", AnswerValue.OfText("Plan C"));
        Assert.True((await Get<SubmitResponse>().ExecuteAsync(_ane, responseId, Ct)).Submitted);
        Assert.Empty(await Copier.OffersAsync(_ane, responseId, Ct)); // submitted: nothing can be copied
    }

    [Fact]
    public async Task Only_an_approved_response_of_an_earlier_edition_is_a_source_and_only_officers_of_the_city_copy()
    {
        var porto = (await Get<OpenResponse>().ForOfficerAsync(_rita, "2033", Ct))!.ResponseId;
        Assert.Empty(await Copier.OffersAsync(_rita, porto, Ct)); // Porto's 2030 response was never approved

        var bilbao = (await Get<OpenResponse>().ForOfficerAsync(_ane, "2033", Ct))!.ResponseId;
        Assert.Equal(ResponseRefusals.Forbidden, (await Copier.CopySectionAsync(_rita, bilbao, "governance", Ct)).Refusal);
        Assert.Equal(ResponseRefusals.Forbidden, (await Copier.ConfirmAsync(_rita, bilbao, ["portal"], Ct)).Refusal);
        Assert.Empty(await Copier.OffersAsync(_rita, bilbao, Ct));

        // The 2030 response cannot start from 2033 (a later edition), nor from itself.
        var earlier = (await Get<OpenResponse>().ForOfficerAsync(_rita, "2030", Ct))!.ResponseId;
        Assert.Empty(await Copier.OffersAsync(_rita, earlier, Ct));
    }

    [Fact]
    public async Task A_colleague_sees_the_copy_as_a_save_and_a_stale_edit_of_it_is_a_conflict()
    {
        var responseId = (await Get<OpenResponse>().ForOfficerAsync(_ane, "2033", Ct))!.ResponseId;
        var jon = new StudyUser("jon", "Jon", _ane.CityId, new HashSet<string> { StudyRoles.CityOfficer });
        var seen = new List<ResponseEvent>();
        using var subscription = Get<IResponseEvents>().Subscribe(responseId, e =>
        {
            lock (seen)
            {
                seen.Add(e);
            }

            return Task.CompletedTask;
        });

        Assert.Equal(1, (await Copier.CopySectionAsync(_ane, responseId, "economy", Ct)).Count);
        // Jon's form showed no answer (version 0): his save meets the copy as a conflict, nothing is overwritten.
        var stale = await Get<SaveAnswer>().ExecuteAsync(jon, responseId, "incubation_spaces", AnswerValue.Yes, 0, Ct);
        Assert.Equal(SaveAnswerOutcome.Conflict, stale.Outcome);
        Assert.Equal(AnswerValue.No, stale.Current!.Value);
        await WaitForAsync(() => seen.OfType<AnswerSaved>().Any(s => s is { Path: "incubation_spaces", CopiedFrom: "2030", Version: 1 }));

        Assert.Equal(1, (await Copier.ConfirmAsync(jon, responseId, ["incubation_spaces"], Ct)).Count);
        await WaitForAsync(() => seen.OfType<AnswersConfirmed>().Any(c => c.Paths.Contains("incubation_spaces")));
    }

    private StartFromLastAnswers Copier => Get<StartFromLastAnswers>();

    private T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    private async Task SaveAsync(StudyUser officer, int responseId, string path, AnswerValue value)
    {
        var current = (await Get<OpenResponse>().ByIdAsync(officer, responseId, Ct))!.Answers.GetValueOrDefault(path)?.Version ?? 0;
        var result = await Get<SaveAnswer>().ExecuteAsync(officer, responseId, path, value, current, Ct);
        Assert.True(result.Outcome == SaveAnswerOutcome.Saved, $"{path} was not saved: {result.Outcome} {result.Refusal}");
    }

    private async Task CreateAndOpenAsync(string code, int year, string questionnaire)
    {
        Assert.True((await Get<CreateEdition>().ExecuteAsync(code, "Study " + code, "GOVERNANCE", year, null, Secretariat, Ct)).Succeeded);
        Assert.True((await Get<SaveQuestionnaire>().ExecuteAsync(code, questionnaire, Secretariat, Ct)).Saved);
        await using var db = _database.CreateContext();
        var version = await db.Editions.Where(e => e.Code == code).Select(e => e.Version).SingleAsync(Ct);
        var opened = await Get<ChangeEditionStatus>().ExecuteAsync(code, EditionAction.Open, version, Secretariat, cancellationToken: Ct);
        Assert.True(opened.Succeeded, opened.Error);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(20, Ct);
        }

        Assert.True(condition());
    }
}
