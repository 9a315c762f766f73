using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Infrastructure.Seeding;

namespace SmartCitiesStudy.BrowserTests;

/// <summary>The secretariat builds a new edition's questionnaire from blank with the builder only.</summary>
public sealed class QuestionnaireBuilderTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task AddAsync(IPage page, string label, string code, string button, bool expectPanel = true)
    {
        var field = page.GetByLabel(label, new() { Exact = true });
        await field.FillAsync(code);
        await field.PressAsync("Tab");
        var add = page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true });
        await Assert.That(add).ToBeEnabledAsync();
        await add.ClickAsync();

        // The panel shows the new node once the server has added it; typing before would go into the previous one.
        if (expectPanel)
        {
            await Assert.That(page.Locator(".scs-editor__panel h2 code")).ToHaveTextAsync(code);
        }
    }

    [Fact]
    public async Task A_groups_fields_and_an_options_same_as_link_are_edited_in_the_builder()
    {
        var ct = TestContext.Current.CancellationToken;
        Xunit.Assert.True((await app.Services.GetRequiredService<CreateEdition>().ExecuteAsync("2032", "Smart Cities Study 2032", "MOBILITY", 2032, null, StudyUser.System, ct)).Succeeded);
        var start = QuestionnaireBuilding.Blank("2032", "Smart Cities Study 2032").AddSection("mobility").AddSubsection(0, "sharing")
            .AddQuestion(0, 0, "stations", QuestionType.Group)
            .AddQuestion(0, 0, "sharing_barriers", QuestionType.MultipleChoice);
        var saved = await app.Services.GetRequiredService<SaveQuestionnaire>().ExecuteAsync("2032", QuestionnaireJson.Write(start), StudyUser.System, ct);
        Xunit.Assert.True(saved.Saved, string.Join("; ", saved.Problems.Select(p => p.ToString())));

        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, "secretariat@demo.smartcities.local", DemoAccounts.Password);
        await page.WaitForURLAsync("**/portal");
        await page.GotoAsync("/portal/editions/2032/questionnaire");
        await BrowserApp.WaitForInteractiveAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "stations stations", Exact = true }).ClickAsync();
        await Assert.That(page.Locator(".scs-editor__panel h2 code")).ToHaveTextAsync("stations");
        await AddAsync(page, "New field code", "docks", "Add field", expectPanel: false);
        var field = page.Locator(".scs-builder__field[data-field='docks']");
        await Assert.That(field).ToBeVisibleAsync();
        var title = field.GetByLabel("English", new() { Exact = true });
        await title.FillAsync("Number of docks");
        await title.PressAsync("Tab");
        await page.GetByLabel("Most items", new() { Exact = true }).FillAsync("8");
        await page.GetByLabel("Most items", new() { Exact = true }).PressAsync("Tab");

        await page.GetByRole(AriaRole.Button, new() { Name = "sharing_barriers sharing_barriers", Exact = true }).ClickAsync();
        await Assert.That(page.Locator(".scs-editor__panel h2 code")).ToHaveTextAsync("sharing_barriers");
        var sameAs = page.GetByLabel("Option option_1 is the same as (edition:question/option)", new() { Exact = true });
        await sameAs.FillAsync("2017:innovation_barriers/difficult_access_to_financing");
        await sameAs.PressAsync("Tab");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "builder-group-2032.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assert.That(page.GetByText("Saved.", new() { Exact = true })).ToBeVisibleAsync();

        var stored = (await app.Services.GetRequiredService<LoadQuestionnaire>().ExecuteAsync("2032", cancellationToken: ct))!.Definition;
        var group = stored.Find("stations")!;
        Xunit.Assert.Equal(["title", "docks"], group.Questions.Select(f => f.Code));
        Xunit.Assert.Equal("Number of docks", group.Questions[1].Title.En);
        Xunit.Assert.Equal(8, group.MaxItems);
        Xunit.Assert.Equal("2017:innovation_barriers/difficult_access_to_financing", stored.Find("sharing_barriers")!.Options[0].SameAs);
    }

    // The answers stored for the edition, once there are as many as expected (the last save may still be on its way).
    private async Task<List<(string Path, string ValueJson)>> StoredAnswersAsync(string edition, int expected)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<StudyDbContext>>();
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
            var answers = await db.Answers
                .Where(a => db.Responses.Any(r => r.Id == a.ResponseId && db.Editions.Any(e => e.Id == r.EditionId && e.Code == edition)))
                .OrderBy(a => a.Path).Select(a => new { a.Path, a.ValueJson }).ToListAsync(TestContext.Current.CancellationToken);
            if (answers.Count >= expected || attempt == 50)
            {
                return [.. answers.Select(a => (a.Path, a.ValueJson))];
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private static async Task TitleAsync(IPage page, string language, string text)
    {
        var box = page.Locator(".scs-editor__panel .scs-text-editor").First.GetByLabel(language, new() { Exact = true });
        await box.FillAsync(text);
        await box.PressAsync("Tab");
    }

    // Titles typed and left with Tab were lost when the next click changed the panel before the boxes' debounce fired.
    [Fact]
    public async Task A_questionnaire_is_built_from_blank_with_a_condition_translations_and_a_preview_and_an_officer_answers_it()
    {
        var created = await app.Services.GetRequiredService<CreateEdition>().ExecuteAsync("2031", "Smart Cities Study 2031", "MOBILITY", 2031, null, StudyUser.System, TestContext.Current.CancellationToken);
        Xunit.Assert.True(created.Succeeded, created.Error);

        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, "secretariat@demo.smartcities.local", DemoAccounts.Password);
        await page.WaitForURLAsync("**/portal");
        await page.GotoAsync("/portal/editions/2031/questionnaire");
        await BrowserApp.WaitForInteractiveAsync(page);
        await Assert.That(page.GetByText("This edition has no questionnaire yet")).ToBeVisibleAsync();

        await AddAsync(page, "New section code", "mobility", "Add section");
        await TitleAsync(page, "English", "Mobility");
        await AddAsync(page, "New subsection code", "cycling", "Add subsection");
        await TitleAsync(page, "English", "Cycling");
        await AddAsync(page, "New question code", "bike_plan", "Add question");
        await TitleAsync(page, "English", "Does the city have a cycling plan?");
        await TitleAsync(page, "Español", "¿Tiene la ciudad un plan ciclista?");
        await page.GetByLabel("Publish an indicator from this question").CheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Cycling", Exact = true }).ClickAsync();
        await Assert.That(page.Locator(".scs-editor__panel h2 code")).ToHaveTextAsync("cycling");
        await AddAsync(page, "New question code", "bike_lanes", "Add question");
        await TitleAsync(page, "English", "Does the city have protected bike lanes?");
        await page.Locator(".scs-builder__condition .mud-select").First.ClickAsync();
        await page.GetByText("bike_plan — Does the city have a cycling plan?").ClickAsync();
        await Assert.That(page.GetByText("Shown only when bike_plan is yes.")).ToBeVisibleAsync();

        var preview = page.Locator(".scs-builder__preview");
        await Assert.That(preview.Locator("[data-question='bike_lanes']")).ToHaveCountAsync(0);
        await preview.Locator("[data-question='bike_plan']").GetByText("Yes", new() { Exact = true }).ClickAsync();
        await Assert.That(preview.Locator("[data-question='bike_lanes']")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "builder");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "builder-2031.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Duplicate", Exact = true }).ClickAsync();
        await Assert.That(page.Locator(".scs-editor__select", new() { HasText = "bike_lanes_2" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo", Exact = true }).ClickAsync();
        await Assert.That(page.Locator(".scs-editor__select", new() { HasText = "bike_lanes_2" })).ToHaveCountAsync(0);

        // A choice question with its figure.
        await page.GetByRole(AriaRole.Button, new() { Name = "Cycling", Exact = true }).ClickAsync();
        await Assert.That(page.Locator(".scs-editor__panel h2 code")).ToHaveTextAsync("cycling");
        await page.Locator(".scs-builder__add .mud-select").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "single_choice", Exact = true }).ClickAsync();
        await AddAsync(page, "New question code", "bike_share", "Add question");
        await TitleAsync(page, "English", "Who runs the bike-sharing scheme?");
        await page.GetByLabel("Publish an indicator from this question").CheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assert.That(page.GetByText("Saved.", new() { Exact = true })).ToBeVisibleAsync();

        var stored = (await app.Services.GetRequiredService<LoadQuestionnaire>().ExecuteAsync("2031", cancellationToken: TestContext.Current.CancellationToken))!.Definition;
        Xunit.Assert.Equal(["bike_plan", "bike_lanes", "bike_share"], stored.Questions.Select(q => q.Code));
        Xunit.Assert.Equal(QuestionType.SingleChoice, stored.Find("bike_share")!.Type);
        Xunit.Assert.Equal(IndicatorKind.Choice, stored.Find("bike_share")!.Indicator!.Kind);
        Xunit.Assert.Equal("Cycling", stored.Sections.Single().Subsections.Single().Title.En);
        Xunit.Assert.Equal("Does the city have a cycling plan?", stored.Find("bike_plan")!.Title.En);
        Xunit.Assert.Equal("¿Tiene la ciudad un plan ciclista?", stored.Find("bike_plan")!.Title.Es);
        Xunit.Assert.Equal(IndicatorKind.Share, stored.Find("bike_plan")!.Indicator!.Kind);
        Xunit.Assert.Equal(new ShowCondition("bike_plan", "yes"), stored.Find("bike_lanes")!.ShowWhen);

        // The edition opens with the built questionnaire and a city officer answers it, the condition included.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var version = await db.Editions.Where(e => e.Code == "2031").Select(e => e.Version).SingleAsync(TestContext.Current.CancellationToken);
            var opened = await app.Services.GetRequiredService<ChangeEditionStatus>().ExecuteAsync("2031", EditionAction.Open, version, StudyUser.System, cancellationToken: TestContext.Current.CancellationToken);
            Xunit.Assert.True(opened.Succeeded, opened.Error);
        }

        await page.Context.CloseAsync();
        var officer = await app.NewPageAsync();
        await BrowserApp.SignInAsync(officer, "rita.officer@porto.demo.smartcities.local", DemoAccounts.Password);
        await officer.WaitForURLAsync("**/portal");
        await officer.GotoAsync("/portal/editions/2031/response");
        await officer.Locator("[data-response][data-ready='true']").WaitForAsync();
        await Assert.That(officer.Locator("[data-question='bike_lanes']")).ToHaveCountAsync(0);
        await officer.Locator("[data-question='bike_plan']").GetByText("Yes", new() { Exact = true }).ClickAsync();
        await Assert.That(officer.Locator("[data-save-status='saved']")).ToBeVisibleAsync();
        await officer.Locator("[data-question='bike_lanes']").GetByText("No", new() { Exact = true }).ClickAsync();
        await Assert.That(officer.Locator("[data-save-status='saved']")).ToBeVisibleAsync();
        await officer.Locator("[data-question='bike_share']").GetByText("Option 1", new() { Exact = true }).ClickAsync();
        await Assert.That(officer.Locator("[data-save-status='saved']")).ToBeVisibleAsync();

        var answers = await StoredAnswersAsync("2031", 3);
        Xunit.Assert.Equal(["bike_lanes", "bike_plan", "bike_share"], answers.Select(a => a.Path));
        Xunit.Assert.Equal("""{"bool":false}""", answers[0].ValueJson);
        Xunit.Assert.Equal("""{"bool":true}""", answers[1].ValueJson);
        Xunit.Assert.Contains("option_1", answers[2].ValueJson, StringComparison.Ordinal);
    }
}
