using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Questionnaires;

public sealed class SaveQuestionnaireTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private ServiceProvider _services = default!;

    private static readonly StudyUser Secretariat = new("sec-1", "Sara Secretariat", null, new HashSet<string> { StudyRoles.Secretariat });
    private static readonly StudyUser Officer = new("off-1", "Ane Officer", 1, new HashSet<string> { StudyRoles.CityOfficer });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.CreateServices(s => s.AddStudyApplication());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    private async Task<QuestionnaireDefinition> CreateDraftFrom2017Async(string code = "2026")
    {
        var created = await Get<CreateEdition>().ExecuteAsync(code, "Smart Cities Study " + code, "ECONOMY", 2026, "2017", Secretariat, Ct);
        Assert.True(created.Succeeded, created.Error);
        return (await Get<LoadQuestionnaire>().ExecuteAsync(code, cancellationToken: Ct))!.Definition;
    }

    private async Task OpenAsync(string code)
    {
        await using var db = _database.CreateContext();
        var version = await db.Editions.Where(e => e.Code == code).Select(e => e.Version).SingleAsync(Ct);
        Assert.True((await Get<ChangeEditionStatus>().ExecuteAsync(code, EditionAction.Open, version, Secretariat, cancellationToken: Ct)).Succeeded);
    }

    private async Task AnswerAsync(string editionCode, string path, AnswerValue value)
    {
        await using var db = _database.CreateContext();
        var edition = await db.Editions.SingleAsync(e => e.Code == editionCode, Ct);
        var city = new City("Bilbao", "Spain", Region.Europe);
        db.Cities.Add(city);
        await db.SaveChangesAsync(Ct);
        var response = new Response(edition.Id, city.Id, edition.QuestionnaireVersion, DateTimeOffset.UtcNow);
        db.Responses.Add(response);
        await db.SaveChangesAsync(Ct);
        db.Answers.Add(new Answer(response.Id, path, value, edition.QuestionnaireVersion, DateTimeOffset.UtcNow, null));
        await db.SaveChangesAsync(Ct);
    }

    private static QuestionnaireDefinition Without(QuestionnaireDefinition d, string code) => Map(d, q => q.Code == code ? null : q);

    private static QuestionnaireDefinition Map(QuestionnaireDefinition d, Func<Question, Question?> map) => d with
    {
        Sections = [.. d.Sections.Select(s => s with { Subsections = [.. s.Subsections.Select(sub => sub with { Questions = [.. sub.Questions.Select(map).OfType<Question>()] })] })],
    };

    private Task<SaveQuestionnaireResult> SaveAsync(string code, QuestionnaireDefinition d) =>
        Get<SaveQuestionnaire>().ExecuteAsync(code, QuestionnaireJson.Write(d), Secretariat, Ct);

    [Fact]
    public async Task The_historical_editions_are_seeded_with_their_questionnaires()
    {
        foreach (var code in new[] { "2012", "2017", "2019" })
        {
            var snapshot = await Get<LoadQuestionnaire>().ExecuteAsync(code, cancellationToken: Ct);
            Assert.NotNull(snapshot);
            Assert.Equal(1, snapshot.VersionNumber);
        }
    }

    [Fact]
    public async Task A_draft_edition_s_questionnaire_changes_in_place()
    {
        var draft = await CreateDraftFrom2017Async();
        var result = await SaveAsync("2026", Without(draft, "talent_retention_description"));
        Assert.True(result.Saved);
        Assert.False(result.NewVersion);
        Assert.Equal(1, result.VersionNumber);
        Assert.Null((await Get<LoadQuestionnaire>().ExecuteAsync("2026", cancellationToken: Ct))!.Definition.Find("talent_retention_description"));
    }

    [Fact]
    public async Task Once_open_a_change_makes_a_new_version_and_answers_keep_theirs()
    {
        var draft = await CreateDraftFrom2017Async();
        await OpenAsync("2026");
        await AnswerAsync("2026", "ss_strategy", AnswerValue.Yes);

        var renamed = Map(draft, q => q.Code == "ss_strategy" ? q with { Help = new LocalizedText("New help", "Ayuda", "Aide") } : q);
        var result = await SaveAsync("2026", renamed);

        Assert.True(result.Saved);
        Assert.True(result.NewVersion);
        Assert.Equal(2, result.VersionNumber);
        await using var db = _database.CreateContext();
        Assert.Equal(1, await db.Answers.Select(a => a.QuestionnaireVersion).SingleAsync(Ct));
        Assert.NotNull(await Get<LoadQuestionnaire>().ExecuteAsync("2026", 1, Ct));
    }

    [Fact]
    public async Task Removing_or_retyping_an_answered_question_is_refused_with_the_reason_and_nothing_is_stored()
    {
        var draft = await CreateDraftFrom2017Async();
        await OpenAsync("2026");
        await AnswerAsync("2026", "talent_retention_description", AnswerValue.OfText("Return grants"));

        var removed = await SaveAsync("2026", Without(draft, "talent_retention_description"));
        Assert.False(removed.Saved);
        Assert.Equal("Question 'talent_retention_description' has 1 answer(s): it cannot be removed.", Assert.Single(removed.Problems).Message);

        var retyped = await SaveAsync("2026", Map(draft, q => q.Code == "talent_retention_description" ? q with { Type = QuestionType.ShortText, MaxLength = null } : q));
        Assert.False(retyped.Saved);
        Assert.Contains("cannot change from long_text to short_text", Assert.Single(retyped.Problems).Message, StringComparison.Ordinal);

        Assert.Equal(1, (await Get<LoadQuestionnaire>().ExecuteAsync("2026", cancellationToken: Ct))!.VersionNumber);
    }

    [Fact]
    public async Task Removing_an_option_someone_chose_is_refused_but_an_unanswered_question_can_go()
    {
        var draft = await CreateDraftFrom2017Async();
        await OpenAsync("2026");
        await AnswerAsync("2026", "investment_factors", AnswerValue.OfChoices(["geographic_position"]));

        var fewer = Map(draft, q => q.Code == "investment_factors" ? q with { Options = [.. q.Options.Where(o => o.Code != "geographic_position")] } : q);
        var refused = await SaveAsync("2026", fewer);
        Assert.Contains("Option 'geographic_position' of 'investment_factors' is chosen in 1 answer(s)", Assert.Single(refused.Problems).Message, StringComparison.Ordinal);

        var accepted = await SaveAsync("2026", Without(draft, "talent_retention_description"));
        Assert.True(accepted.Saved);
        Assert.Equal(2, accepted.VersionNumber);
    }

    [Fact]
    public async Task Published_editions_are_frozen_and_files_for_another_edition_are_refused()
    {
        var d2017 = (await Get<LoadQuestionnaire>().ExecuteAsync("2017", cancellationToken: Ct))!.Definition;
        var frozen = await SaveAsync("2017", Without(d2017, "talent_retention_description"));
        Assert.Contains("frozen", Assert.Single(frozen.Problems).Message, StringComparison.Ordinal);

        var wrongEdition = await SaveAsync("2019", d2017);
        Assert.Equal("The file is for edition '2017', not '2019'.", Assert.Single(wrongEdition.Problems).Message);
    }

    [Fact]
    public async Task An_invalid_file_lists_every_problem_and_stores_nothing()
    {
        await CreateDraftFrom2017Async();
        var result = await Get<SaveQuestionnaire>().ExecuteAsync("2026", """{ "edition": "2026", "title": { "en": "" }, "sections": [] }""", Secretariat, Ct);
        Assert.False(result.Saved);
        Assert.Equal(2, result.Problems.Count);
        Assert.Equal(1, (await Get<LoadQuestionnaire>().ExecuteAsync("2026", cancellationToken: Ct))!.VersionNumber);
    }

    [Fact]
    public async Task A_sameAs_link_to_a_missing_or_different_target_is_refused_naming_question_and_target_and_nothing_is_stored()
    {
        var draft = await CreateDraftFrom2017Async();
        var before = QuestionnaireJson.Write((await Get<LoadQuestionnaire>().ExecuteAsync("2026", cancellationToken: Ct))!.Definition);
        var broken = Map(draft, q => q.Code switch
        {
            "open_data_portal" => q with { SameAs = "2012:no_such_question" },
            "ss_strategy" => q with { SameAs = "2012:economy_barriers" },
            "digital_barriers" => q with { Options = [q.Options[0] with { SameAs = "2012:governance_barriers/no_such_option" }, .. q.Options.Skip(1)] },
            _ => q,
        });

        var result = await SaveAsync("2026", broken);

        Assert.False(result.Saved);
        Assert.Equal(3, result.Problems.Count);
        Assert.Contains(result.Problems, p => p.Message == "Question 'open_data_portal': sameAs '2012:no_such_question': edition 2012 has no question 'no_such_question'.");
        Assert.Contains(result.Problems, p => p.Message == "Question 'ss_strategy': sameAs '2012:economy_barriers': 'economy_barriers' is multiple_choice in 2012, this question is yes_no.");
        Assert.Contains(result.Problems, p => p.Message.StartsWith("Option 'complex_bureaucracy' of question 'digital_barriers': sameAs '2012:governance_barriers/no_such_option'", StringComparison.Ordinal)
            && p.Path.EndsWith(".options[0].sameAs", StringComparison.Ordinal));
        Assert.Equal(before, QuestionnaireJson.Write((await Get<LoadQuestionnaire>().ExecuteAsync("2026", cancellationToken: Ct))!.Definition));
    }

    [Fact]
    public async Task A_sameAs_link_to_an_edition_that_does_not_exist_is_refused_and_a_valid_one_is_stored()
    {
        var draft = await CreateDraftFrom2017Async();
        var unknown = await SaveAsync("2026", Map(draft, q => q.Code == "open_data_portal" ? q with { SameAs = "2016:open_data_portal" } : q));
        Assert.Equal("Question 'open_data_portal': sameAs '2016:open_data_portal': there is no edition '2016'.", Assert.Single(unknown.Problems).Message);

        var linked = await SaveAsync("2026", Map(draft, q => q.Code == "open_data_portal" ? q with { SameAs = "2019:open_data_portal" } : q));
        Assert.True(linked.Saved, string.Join('\n', linked.Problems));
        Assert.Equal("2019:open_data_portal", (await Get<LoadQuestionnaire>().ExecuteAsync("2026", cancellationToken: Ct))!.Definition.Find("open_data_portal")!.SameAs);
    }

    [Fact]
    public async Task Export_then_import_is_lossless()
    {
        var exported = QuestionnaireJson.Write((await Get<LoadQuestionnaire>().ExecuteAsync("2017", cancellationToken: Ct))!.Definition);
        await Get<CreateEdition>().ExecuteAsync("2030", "Smart Cities Study 2030", "ECONOMY", 2030, null, Secretariat, Ct);
        var asNextEdition = exported.Replace("\"edition\": \"2017\"", "\"edition\": \"2030\"", StringComparison.Ordinal);

        var result = await Get<SaveQuestionnaire>().ExecuteAsync("2030", asNextEdition, Secretariat, Ct);
        Assert.True(result.Saved, string.Join('\n', result.Problems));

        var again = QuestionnaireJson.Write((await Get<LoadQuestionnaire>().ExecuteAsync("2030", cancellationToken: Ct))!.Definition);
        Assert.Equal(asNextEdition, again);
    }

    [Fact]
    public async Task Opening_an_edition_without_a_questionnaire_is_refused()
    {
        await Get<CreateEdition>().ExecuteAsync("2030", "Smart Cities Study 2030", "ECONOMY", 2030, null, Secretariat, Ct);
        await using var db = _database.CreateContext();
        var version = await db.Editions.Where(e => e.Code == "2030").Select(e => e.Version).SingleAsync(Ct);
        var result = await Get<ChangeEditionStatus>().ExecuteAsync("2030", EditionAction.Open, version, Secretariat, cancellationToken: Ct);
        Assert.False(result.Succeeded);
        Assert.Contains("no questionnaire", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officers_cannot_change_editions_or_questionnaires_and_every_change_is_audited()
    {
        int seeded;
        await using (var db = _database.CreateContext())
        {
            seeded = await db.AuditEntries.Select(a => (int?)a.Id).MaxAsync(Ct) ?? 0;
        }

        var draft = await CreateDraftFrom2017Async();
        Assert.Equal("forbidden", (await Get<CreateEdition>().ExecuteAsync("2031", "S", "T", 2031, null, Officer, Ct)).ErrorCode);
        Assert.False((await Get<SaveQuestionnaire>().ExecuteAsync("2026", QuestionnaireJson.Write(draft), Officer, Ct)).Saved);
        await using (var db = _database.CreateContext())
        {
            var version = await db.Editions.Where(e => e.Code == "2026").Select(e => e.Version).SingleAsync(Ct);
            Assert.Equal("forbidden", (await Get<ChangeEditionStatus>().ExecuteAsync("2026", EditionAction.Open, version, Officer, cancellationToken: Ct)).ErrorCode);
        }

        await OpenAsync("2026");
        await using var check = _database.CreateContext();
        var trail = await check.AuditEntries.Where(a => a.Id > seeded).OrderBy(a => a.Id).Select(a => new { a.Action, a.UserName, a.Before, a.After }).ToListAsync(Ct);
        Assert.Equal([AuditActions.EditionCreated, AuditActions.EditionStatusChanged], trail.Select(t => t.Action));
        Assert.All(trail, t => Assert.Equal("Sara Secretariat", t.UserName));
        Assert.Equal(("Draft", "Open"), (trail[1].Before, trail[1].After));
    }

    [Fact]
    public async Task A_stale_status_change_is_refused()
    {
        await CreateDraftFrom2017Async();
        await OpenAsync("2026");
        var result = await Get<ChangeEditionStatus>().ExecuteAsync("2026", EditionAction.Close, expectedVersion: 0, Secretariat, cancellationToken: Ct);
        Assert.Equal(ChangeEditionStatus.ConcurrencyCode, result.ErrorCode);
    }
}
