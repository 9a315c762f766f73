using Microsoft.Playwright;
using SmartCitiesStudy.Infrastructure.Seeding;

namespace SmartCitiesStudy.BrowserTests;

public sealed class QuestionnaireTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<IPage> SecretariatAsync(string url)
    {
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, "secretariat@demo.smartcities.local", DemoAccounts.Password);
        await page.WaitForURLAsync("**/portal");
        await page.GotoAsync(url);
        await BrowserApp.WaitForInteractiveAsync(page);
        return page;
    }

    [Fact]
    public async Task The_preview_applies_conditions_live_and_validates_numbers_in_each_language()
    {
        var page = await SecretariatAsync("/portal/editions/2017/preview");
        var formalised = page.Locator("[data-question='ss_formalised']");
        await Assert.That(formalised).ToHaveCountAsync(0);

        await page.Locator("[data-question='ss_strategy']").GetByText("Yes", new() { Exact = true }).ClickAsync();
        await Assert.That(formalised).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "preview-2017.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Next section" }).ClickAsync();
        var share = page.Locator("#q-university_share_25_30-input");
        await share.FillAsync("250");
        await Assert.That(page.Locator("[data-question='university_share_25_30']")).ToContainTextAsync("250 is above the maximum of 100.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await page.WaitForURLAsync("**/preview?lang=es");
        await BrowserApp.WaitForInteractiveAsync(page);
        await Assert.That(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Assert.That(page.Locator("[data-question='ss_strategy'] legend")).ToContainTextAsync("especialización inteligente");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "preview-2017-es.png"), FullPage = false });
    }

    [Fact]
    public async Task Editing_a_title_of_the_open_edition_saves_a_new_version_that_the_preview_shows()
    {
        var page = await SecretariatAsync("/portal/editions/2026/questionnaire");
        await page.Locator(".scs-editor__select", new() { HasText = "ss_strategy" }).ClickAsync();
        await Assert.That(page.Locator(".scs-editor__panel h2")).ToContainTextAsync("ss_strategy");
        var english = page.Locator(".scs-editor__panel .scs-text-editor").First.GetByLabel("English");
        await english.FillAsync("Does the city have a smart specialisation strategy (RIS3)?");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true });
        await Assert.That(save).ToBeEnabledAsync();
        await save.ClickAsync();
        await Assert.That(page.GetByText("Saved as questionnaire version 2.")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "editor-2026.png"), FullPage = false });

        await page.GotoAsync("/portal/editions/2026/preview");
        await BrowserApp.WaitForInteractiveAsync(page);
        await Assert.That(page.Locator("[data-question='ss_strategy'] legend")).ToContainTextAsync("(RIS3)");
    }
}
