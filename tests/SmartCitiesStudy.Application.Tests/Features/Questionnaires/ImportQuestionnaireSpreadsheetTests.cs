using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Infrastructure.Questionnaires.XlsForm;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Questionnaires;

/// <summary>Importing an XLSForm workbook stores through the same rules; nothing is stored on any error.</summary>
public sealed class ImportQuestionnaireSpreadsheetTests : IAsyncLifetime
{
    private static readonly StudyUser Secretariat = new("sec-1", "Sara Secretariat", null, new HashSet<string> { StudyRoles.Secretariat });
    private static readonly StudyUser Officer = new("off-1", "Ane Officer", 1, new HashSet<string> { StudyRoles.CityOfficer });
    private TestDatabase _database = default!;
    private ServiceProvider _services = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.CreateServices(s => s.AddStudyApplication().AddSingleton<IQuestionnaireSpreadsheet, XlsFormSpreadsheet>());
        var created = await _services.GetRequiredService<CreateEdition>().ExecuteAsync("2026", "Smart Cities Study 2026", "ECONOMY", 2026, "2017", Secretariat, Ct);
        Assert.True(created.Succeeded, created.Error);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<QuestionnaireDefinition> CurrentAsync() =>
        (await _services.GetRequiredService<LoadQuestionnaire>().ExecuteAsync("2026", cancellationToken: Ct))!.Definition;

    private static MemoryStream Workbook(QuestionnaireDefinition definition)
    {
        var stream = new MemoryStream();
        XlsFormWriter.Write(definition, stream);
        stream.Position = 0;
        return stream;
    }

    private Task<SaveQuestionnaireResult> ImportAsync(Stream workbook, StudyUser? user = null) =>
        _services.GetRequiredService<ImportQuestionnaireSpreadsheet>().ExecuteAsync("2026", workbook, user ?? Secretariat, Ct);

    private static QuestionnaireDefinition Map(QuestionnaireDefinition d, Func<Question, Question> map) => d with
    {
        Sections = [.. d.Sections.Select(s => s with { Subsections = [.. s.Subsections.Select(sub => sub with { Questions = [.. sub.Questions.Select(map)] })] })],
    };

    [Fact]
    public async Task A_workbook_with_a_sameAs_link_to_a_missing_question_is_refused_and_nothing_is_stored()
    {
        var before = await CurrentAsync();
        var broken = Map(before, q => q.Code == "open_data_portal" ? q with { SameAs = "2012:no_such_question" } : q);

        var result = await ImportAsync(Workbook(broken));

        Assert.False(result.Saved);
        Assert.Contains("Question 'open_data_portal': sameAs '2012:no_such_question'", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
        Assert.Null((await CurrentAsync()).Find("open_data_portal")!.SameAs);
    }

    [Fact]
    public async Task An_edited_workbook_is_stored_as_the_edition_s_questionnaire()
    {
        var changed = Map(await CurrentAsync(), q => q.Code == "ss_strategy" ? q with { Help = new LocalizedText("New help", "Ayuda nueva", "Aide nouvelle") } : q);
        var result = await ImportAsync(Workbook(changed));
        Assert.True(result.Saved, string.Join('\n', result.Problems));
        Assert.Equal(QuestionnaireJson.Write(changed), QuestionnaireJson.Write(await CurrentAsync()));
    }

    [Fact]
    public async Task A_workbook_the_validator_refuses_names_the_cell_and_stores_nothing()
    {
        var before = QuestionnaireJson.Write(await CurrentAsync());
        var broken = Map(await CurrentAsync(), q => q.Code == "ss_strategy" ? q with { ShowWhen = new ShowCondition("ss_formalised", "yes") } : q);
        var result = await ImportAsync(Workbook(broken));
        Assert.False(result.Saved);
        var problem = Assert.Single(result.Problems);
        Assert.Matches(@"^survey row \d+, column relevant \([A-Z]+\)$", problem.Path);
        Assert.Equal(before, QuestionnaireJson.Write(await CurrentAsync()));
        await using var db = _database.CreateContext();
        Assert.Equal(1, await db.Editions.Where(e => e.Code == "2026").Select(e => e.QuestionnaireVersion).SingleAsync(Ct));
    }

    [Fact]
    public async Task A_workbook_for_another_edition_or_from_an_officer_is_refused()
    {
        var other = (await CurrentAsync()) with { Edition = "2030" };
        var wrongEdition = await ImportAsync(Workbook(other));
        Assert.False(wrongEdition.Saved);
        Assert.StartsWith("settings row 2, column form_id", Assert.Single(wrongEdition.Problems).Path, StringComparison.Ordinal);

        var byOfficer = await ImportAsync(Workbook(await CurrentAsync()), Officer);
        Assert.False(byOfficer.Saved);
    }
}
