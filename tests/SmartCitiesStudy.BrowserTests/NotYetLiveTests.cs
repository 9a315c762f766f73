using Microsoft.Playwright;
using SmartCitiesStudy.Infrastructure.Seeding;

namespace SmartCitiesStudy.BrowserTests;

/// <summary>
/// A portal page is shown (prerendered) before its circuit is live; on a slow connection that takes seconds, and users
/// do not wait. A link clicked then must land on its page; a button pressed or a key typed then must say the page is not
/// ready rather than be lost. The circuit's start is held back by delaying SignalR's negotiation, as a slow link does.
/// </summary>
public sealed class NotYetLiveTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string SlowNotice = "This page is still connecting";

    [Fact]
    public async Task A_link_clicked_before_the_page_is_live_lands_on_its_page()
    {
        var page = await SignedInOnSlowConnectionAsync("secretariat@demo.smartcities.local");

        await page.GotoAsync("/portal");
        await Assert.That(page.Locator("[data-interactive='false']")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "Editions", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/portal/editions");
        await Assert.That(page.GetByRole(AriaRole.Heading, new() { Name = "Editions", Level = 1 })).ToBeVisibleAsync();
        await BrowserApp.WaitForInteractiveAsync(page);
        await Assert.That(page.GetByRole(AriaRole.Heading, new() { Name = "Editions", Level = 1 })).ToBeVisibleAsync();
        await Assert.That(page.GetByRole(AriaRole.Cell, new() { Name = "Smart Cities Study 2026" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_link_clicked_while_the_circuit_starts_lands_on_its_page()
    {
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, "secretariat@demo.smartcities.local", DemoAccounts.Password);
        await page.WaitForURLAsync("**/portal");
        await BrowserApp.WaitForInteractiveAsync(page);
        var connection = await FlakyConnection.AttachAsync(page);
        connection.HoldReplies();

        await page.GotoAsync("/portal", new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByRole(AriaRole.Link, new() { Name = "Editions", Exact = true }).ClickAsync();
        await page.WaitForTimeoutAsync(3000);
        connection.ReleaseReplies();

        await page.WaitForURLAsync("**/portal/editions");
        await BrowserApp.WaitForInteractiveAsync(page);
        await Assert.That(page.GetByRole(AriaRole.Heading, new() { Name = "Editions", Level = 1 })).ToBeVisibleAsync();
        await Assert.That(page.GetByRole(AriaRole.Cell, new() { Name = "Smart Cities Study 2026" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_button_pressed_before_the_page_is_live_says_so_and_works_once_it_is()
    {
        var page = await SignedInOnSlowConnectionAsync("reviewer@demo.smartcities.local");

        await page.GotoAsync("/portal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Language" }).ClickAsync();
        await Assert.That(page.GetByRole(AriaRole.Status).Filter(new() { HasText = SlowNotice })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "portal-not-yet-live.png") });

        await BrowserApp.WaitForInteractiveAsync(page);
        await Assert.That(page.GetByText(SlowNotice)).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Language" }).ClickAsync();
        await Assert.That(page.GetByText("Español")).ToBeVisibleAsync();
    }

    private async Task<IPage> SignedInOnSlowConnectionAsync(string email)
    {
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, email, DemoAccounts.Password);
        await page.WaitForURLAsync("**/portal");
        await BrowserApp.WaitForInteractiveAsync(page);

        // From now on every circuit takes seconds to start, as on a slow connection.
        await page.RouteAsync("**/_blazor/negotiate**", async route =>
        {
            await Task.Delay(TimeSpan.FromSeconds(4));
            await route.ContinueAsync();
        });
        return page;
    }
}
