using Microsoft.Playwright;
using SmartCitiesStudy.Infrastructure.Seeding;

namespace SmartCitiesStudy.BrowserTests;

/// <summary>
/// Text typed while the connection fails (issue 27): the officer's own save whose reply was lost is never offered as
/// a conflict, every character typed ends up in the box and on the server, a real conflict shows what is kept, and the
/// indicator never says "saved" while the server does not have the text.
/// </summary>
public sealed class OfflineTypingTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Ane = "ane.officer@bilbao.demo.smartcities.local";
    private const string Jon = "jon.officer@bilbao.demo.smartcities.local";
    private const string FormUrl = "/portal/editions/2026/response";

    [Fact]
    public async Task Text_typed_offline_after_a_save_whose_reply_was_lost_comes_back_whole_after_closing_the_tab()
    {
        var (page, network) = await OpenFormAsync(Ane);
        await AnswerYesAsync(page, "incubation_spaces");
        var box = Box(page, "incubation_spaces_description");
        const string First = "Two incubators in Zorrotzaurre, ";
        const string Second = "one for creative industries and one for advanced manufacturing, ";
        const string Third = "each with 20 companies.";
        await TypeAsTheConnectionFailsAsync(page, network, box, First, Second, Third);

        // The officer closes the tab.
        var context = page.Context;
        await page.CloseAsync();

        var again = await context.NewPageAsync();
        await again.GotoAsync(FormUrl);
        await WaitReadyAsync(again);
        await Assert.That(Box(again, "incubation_spaces_description")).ToHaveValueAsync(First + Second + Third);
        await Assert.That(again.Locator(".scs-conflict")).ToHaveCountAsync(0);
        await WaitSavedAsync(again);

        await AssertOnServerAsync("incubation_spaces_description", First + Second + Third);
    }

    [Fact]
    public async Task Text_typed_as_the_connection_drops_is_saved_whole_when_the_page_reconnects_by_itself()
    {
        var (page, network) = await OpenFormAsync(Ane);
        var box = Box(page, "parks_description");
        const string First = "Bizkaia Technology Park hosts 200 companies; ";
        const string Second = "the Basque Health Cluster has its own building; ";
        const string Third = "a third park opens in 2027.";
        await TypeAsTheConnectionFailsAsync(page, network, box, First, Second, Third);

        // A connection gone silent is noticed within seconds, and said in a way screen readers announce.
        await Assert.That(page.Locator("#components-reconnect-modal [role=alert]")).ToBeVisibleAsync(new() { Timeout = 12_000 });
        network.Restore();
        await Assert.That(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync(new() { Timeout = 30_000 });

        await Assert.That(box).ToHaveValueAsync(First + Second + Third);
        await WaitSavedAsync(page);
        await Assert.That(page.Locator(".scs-conflict")).ToHaveCountAsync(0);
        await AssertOnServerAsync("parks_description", First + Second + Third);
    }

    [Fact]
    public async Task In_a_real_conflict_keep_mine_shows_the_kept_text_and_further_typing_builds_on_it()
    {
        var (ane, network) = await OpenFormAsync(Ane);
        var box = Box(ane, "business_collaboration_description");
        await box.PressSequentiallyAsync("Ane: a round table every quarter.", new() { Delay = 5 });
        await WaitSavedAsync(ane);

        // Ane's connection goes while she types; meanwhile Jon saves another text.
        network.LoseMessages();
        await box.PressSequentiallyAsync(" With the chamber of commerce.", new() { Delay = 5 });
        await network.DropAsync();
        var (jon, _) = await OpenFormAsync(Jon);
        await Box(jon, "business_collaboration_description").FillAsync("Jon: a yearly forum.");
        await WaitSavedAsync(jon);

        network.Restore();
        var conflict = ane.Locator("[data-question='business_collaboration_description'] .scs-conflict");
        await Assert.That(conflict).ToContainTextAsync("Jon Officer (Bilbao)", new() { Timeout = 30_000 });
        await Assert.That(conflict).ToContainTextAsync("Jon: a yearly forum.");
        await Assert.That(box).ToHaveValueAsync("Ane: a round table every quarter. With the chamber of commerce.");

        await conflict.GetByRole(AriaRole.Button, new() { Name = "Keep mine" }).ClickAsync();
        await Assert.That(conflict).ToHaveCountAsync(0);
        await Assert.That(box).ToHaveValueAsync("Ane: a round table every quarter. With the chamber of commerce.");
        await WaitSavedAsync(ane);

        await box.PressSequentiallyAsync(" Minutes are public.", new() { Delay = 5 });
        await WaitSavedAsync(ane);
        const string Kept = "Ane: a round table every quarter. With the chamber of commerce. Minutes are public.";
        await Assert.That(box).ToHaveValueAsync(Kept);
        await Assert.That(Box(jon, "business_collaboration_description")).ToHaveValueAsync(Kept);
        await AssertOnServerAsync("business_collaboration_description", Kept);
    }

    [Fact]
    public async Task The_indicator_says_not_saved_while_offline_and_saved_only_once_the_server_has_the_text()
    {
        var (page, network) = await OpenFormAsync(Ane);
        await AnswerYesAsync(page, "investment_promotion_agency");
        var box = Box(page, "investment_promotion_description");
        await box.PressSequentiallyAsync("Bilbao Ekintza ", new() { Delay = 5 });
        await WaitSavedAsync(page);

        await page.Context.SetOfflineAsync(true);
        network.LoseMessages();
        network.LoseReplies();
        await box.FillAsync("Bilbao Ekintza promotes the city abroad.");
        var unsaved = page.Locator("[data-local-status='unsaved']");
        await Assert.That(unsaved).ToBeVisibleAsync();
        await Assert.That(unsaved).ToContainTextAsync("Not saved yet — kept in this browser");
        await Assert.That(page.Locator("[data-save-status='saved']")).ToBeHiddenAsync();
        await box.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "officer-form-offline-box.png") });
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "officer-form-offline.png") });

        // The page notices the connection has gone within seconds; the text is still not saved.
        await Assert.That(page.Locator("#components-reconnect-modal [role=alert]")).ToBeVisibleAsync(new() { Timeout = 12_000 });
        await Assert.That(unsaved).ToBeVisibleAsync();

        await page.Context.SetOfflineAsync(false);
        network.Restore();
        await Assert.That(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await WaitSavedAsync(page);
        await Assert.That(unsaved).ToBeHiddenAsync();
        await AssertOnServerAsync("investment_promotion_description", "Bilbao Ekintza promotes the city abroad.");
    }

    // Types the first part (saved and confirmed); the second while the server still hears the page but its replies are
    // lost (it saves that much, the page never learns the new version); the third when nothing gets through at all (at
    // once: key by key, on a loaded machine, could reach the moment the page notices the silence and its reconnect
    // dialog takes the keyboard).
    private static async Task TypeAsTheConnectionFailsAsync(IPage page, FlakyConnection network, ILocator box, string first, string second, string third)
    {
        await box.PressSequentiallyAsync(first, new() { Delay = 5 });
        await WaitSavedAsync(page);
        network.LoseReplies();
        await box.PressSequentiallyAsync(second, new() { Delay = 5 });
        await page.WaitForTimeoutAsync(2000);
        network.LoseMessages();
        await box.FillAsync(first + second + third);
    }

    private async Task<(IPage Page, FlakyConnection Network)> OpenFormAsync(string email)
    {
        var page = await app.NewPageAsync();
        var network = await FlakyConnection.AttachAsync(page);
        await BrowserApp.SignInAsync(page, email, DemoAccounts.Password);
        await page.WaitForURLAsync("**/portal");
        await page.GotoAsync(FormUrl);
        await WaitReadyAsync(page);
        return (page, network);
    }

    // What another officer of the city loads from the server now.
    private async Task AssertOnServerAsync(string path, string text)
    {
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, Jon, DemoAccounts.Password);
        await page.WaitForURLAsync("**/portal");
        await page.GotoAsync(FormUrl);
        await WaitReadyAsync(page);
        await Assert.That(Box(page, path)).ToHaveValueAsync(text);
        await page.Context.CloseAsync();
    }

    private static async Task AnswerYesAsync(IPage page, string path)
    {
        await page.Locator($"[data-question='{path}']").GetByText("Yes", new() { Exact = true }).ClickAsync();
        await WaitSavedAsync(page);
    }

    private static ILocator Box(IPage page, string path) => page.Locator($"#q-{path}-input");

    private static Task WaitReadyAsync(IPage page) => page.Locator("[data-response][data-ready='true']").WaitForAsync();

    private static Task WaitSavedAsync(IPage page) =>
        Assert.That(page.Locator("[data-save-status='saved']")).ToBeVisibleAsync();
}
