using Microsoft.Playwright;
using SmartCitiesStudy.Infrastructure.Seeding;

namespace SmartCitiesStudy.BrowserTests;

public sealed class OfficerFormTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Ane = "ane.officer@bilbao.demo.smartcities.local";
    private const string Jon = "jon.officer@bilbao.demo.smartcities.local";
    private const string FormUrl = "/portal/editions/2026/response";

    private async Task<IPage> OpenFormAsync(string email)
    {
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, email, DemoAccounts.Password);
        await page.WaitForURLAsync("**/portal");
        await page.GotoAsync(FormUrl);
        await page.Locator("[data-response][data-ready='true']").WaitForAsync();
        return page;
    }

    private static ILocator Question(IPage page, string path) => page.Locator($"[data-question='{path}']");

    private static Task WaitSavedAsync(IPage page) =>
        Assert.That(page.Locator("[data-save-status='saved']")).ToBeVisibleAsync();

    [Fact]
    public async Task Answers_are_saved_as_typed_and_are_all_there_after_a_reload()
    {
        var page = await OpenFormAsync(Ane);
        await Question(page, "ss_strategy").GetByText("Yes", new() { Exact = true }).ClickAsync();
        var sectors = page.Locator("#q-ss_priority_sectors-input");
        await sectors.FillAsync("Knowledge-intensive business services; cultural and creative industries");
        await WaitSavedAsync(page);
        await Question(page, "ss_formalised").GetByText("Yes", new() { Exact = true }).ClickAsync();
        await WaitSavedAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "officer-form.png"), FullPage = false });

        await page.ReloadAsync();
        await page.Locator("[data-response][data-ready='true']").WaitForAsync();
        await Assert.That(page.Locator("#q-ss_priority_sectors-input")).ToHaveValueAsync("Knowledge-intensive business services; cultural and creative industries");
        await Assert.That(Question(page, "ss_formalised").Locator("input[type=radio]").First).ToBeCheckedAsync();
    }

    [Fact]
    public async Task Text_typed_just_before_a_reload_or_while_offline_is_kept_in_the_browser_and_saved_afterwards()
    {
        var page = await OpenFormAsync(Ane);
        await Question(page, "ss_strategy").GetByText("Yes", new() { Exact = true }).ClickAsync();
        await WaitSavedAsync(page);
        await Question(page, "ss_formalised").GetByText("Yes", new() { Exact = true }).ClickAsync(); // shows the document name
        await WaitSavedAsync(page);

        // Reload before the autosave's debounce fires: the circuit never received the text.
        await page.Locator("#q-ss_formalised_document-input").PressSequentiallyAsync("iBilbao 2020", new() { Delay = 5 });
        await page.ReloadAsync();
        await page.Locator("[data-response][data-ready='true']").WaitForAsync();
        await Assert.That(page.Locator("#q-ss_formalised_document-input")).ToHaveValueAsync("iBilbao 2020");
        await WaitSavedAsync(page);

        // Offline: the text waits in the browser, then reaches the server once the page is back.
        await page.Context.SetOfflineAsync(true);
        await page.Locator("#q-ss_priority_sectors-input").FillAsync("Digital economy (typed offline)");
        await page.WaitForTimeoutAsync(1500);
        await page.Context.SetOfflineAsync(false);
        await page.WaitForTimeoutAsync(500); // let the network come back before loading the page again
        await page.ReloadAsync();
        await page.Locator("[data-response][data-ready='true']").WaitForAsync();
        await Assert.That(page.Locator("#q-ss_priority_sectors-input")).ToHaveValueAsync("Digital economy (typed offline)");
        await WaitSavedAsync(page);

        var fresh = await OpenFormAsync(Jon);
        await Assert.That(fresh.Locator("#q-ss_priority_sectors-input")).ToHaveValueAsync("Digital economy (typed offline)");
        await Assert.That(fresh.Locator("#q-ss_formalised_document-input")).ToHaveValueAsync("iBilbao 2020");
    }

    [Fact]
    public async Task An_answer_typed_as_the_session_expires_is_still_there_after_signing_in_again()
    {
        var page = await OpenFormAsync(Ane);
        await Question(page, "ss_strategy").GetByText("Yes", new() { Exact = true }).ClickAsync();
        await WaitSavedAsync(page);

        var sectors = page.Locator("#q-ss_priority_sectors-input");
        await sectors.FillAsync(string.Empty); // other tests of this class may have answered it: start from empty
        await WaitSavedAsync(page);
        await sectors.PressSequentiallyAsync("Green energy", new() { Delay = 5 });
        await page.Context.ClearCookiesAsync(); // the sign-in cookie is gone, as after it expires
        await page.ReloadAsync();

        await page.WaitForURLAsync("**/Account/Login?**");
        await page.GetByLabel("E-mail").FillAsync(Ane);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**" + FormUrl);
        await page.Locator("[data-response][data-ready='true']").WaitForAsync();

        await Assert.That(page.Locator("#q-ss_priority_sectors-input")).ToHaveValueAsync("Green energy");
        await WaitSavedAsync(page);
    }

    [Fact]
    public async Task A_second_officer_of_the_city_sees_who_is_in_the_form_and_their_answers_live()
    {
        var ane = await OpenFormAsync(Ane);
        var jon = await OpenFormAsync(Jon);
        await Assert.That(jon.GetByText("Also in this form now: Ane Officer (Bilbao)")).ToBeVisibleAsync();

        await Question(ane, "ss_strategy").GetByText("Yes", new() { Exact = true }).ClickAsync();
        await ane.Locator("#q-ss_priority_sectors-input").FillAsync("Aeronautics and mobility");
        await WaitSavedAsync(ane);

        await Assert.That(jon.Locator("#q-ss_priority_sectors-input")).ToHaveValueAsync("Aeronautics and mobility");
        await Assert.That(jon.Locator(".scs-remote-change")).ToContainTextAsync("Ane Officer (Bilbao) changed");
        await jon.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "officer-form-live.png"), FullPage = false });
    }
}

public sealed class OfficerSubmitTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Submitting_lists_what_is_missing_with_links_and_once_complete_the_form_becomes_read_only()
    {
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, "jon.officer@bilbao.demo.smartcities.local", DemoAccounts.Password);
        await page.WaitForURLAsync("**/portal");
        await BrowserApp.WaitForInteractiveAsync(page);
        await Assert.That(page.Locator("[data-edition='2026']")).ToContainTextAsync("Draft");
        await page.Locator("[data-edition='2026']").GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/editions/2026/response");
        await page.Locator("[data-response][data-ready='true']").WaitForAsync();

        await BrowserApp.CompleteAndSubmitAsync(page, screenshot: "officer-submit-missing.png");

        await Assert.That(page.Locator(".mud-chip", new() { HasText = "Submitted" }).First).ToBeVisibleAsync();
        await Assert.That(page.GetByRole(AriaRole.Button, new() { Name = "Submit to the secretariat" })).ToHaveCountAsync(0);
        await Assert.That(page.GetByText("Submitted: the secretariat is reviewing your answers.")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "officer-submitted.png") });

        await page.GotoAsync("/portal/editions/2026/response/print");
        await Assert.That(page.Locator("article.scs-answers h2").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "officer-print.png"), FullPage = false });
    }
}
