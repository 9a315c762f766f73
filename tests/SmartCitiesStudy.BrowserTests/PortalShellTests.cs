using Microsoft.Playwright;
using SmartCitiesStudy.Infrastructure.Seeding;

namespace SmartCitiesStudy.BrowserTests;

public sealed class PortalShellTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_secretariat_signs_in_and_opens_the_editions_through_the_menu()
    {
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, "secretariat@demo.smartcities.local", DemoAccounts.Password);
        await page.WaitForURLAsync("**/portal");
        await BrowserApp.WaitForInteractiveAsync(page);
        await Assert.That(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Sara Secretariat" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Editions", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/portal/editions");
        await Assert.That(page.GetByRole(AriaRole.Cell, new() { Name = "Smart Cities Study 2026" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "portal-editions.png"), FullPage = true });
    }

    [Fact]
    public async Task A_city_officer_does_not_see_the_secretariat_menu_and_is_refused_the_page()
    {
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, "rita.officer@porto.demo.smartcities.local", DemoAccounts.Password);
        await page.WaitForURLAsync("**/portal");
        await BrowserApp.WaitForInteractiveAsync(page);
        await Assert.That(page.GetByRole(AriaRole.Link, new() { Name = "Editions", Exact = true })).ToHaveCountAsync(0);

        await page.GotoAsync("/portal/editions");
        await Assert.That(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Switching_language_in_the_portal_translates_it_and_keeps_the_page()
    {
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, "reviewer@demo.smartcities.local", DemoAccounts.Password);
        await page.WaitForURLAsync("**/portal");
        await BrowserApp.WaitForInteractiveAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Language" }).ClickAsync();
        await page.GetByText("Español").ClickAsync();
        await page.WaitForURLAsync("**/portal");
        await Assert.That(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Assert.That(page.GetByRole(AriaRole.Heading, new() { Name = "Bienvenida/o, Rui Reviewer" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "portal-home-es.png"), FullPage = true });
    }

    [Fact]
    public async Task The_public_home_and_sign_in_pages_render_without_a_circuit()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await Assert.That(page.GetByRole(AriaRole.Heading, new() { Name = "Smart Cities Study", Level = 1 })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "public-home.png"), FullPage = true });
        await page.GotoAsync("/Account/Login");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "sign-in.png"), FullPage = true });
        await Assert.That(page.Locator("[data-interactive]")).ToHaveCountAsync(0);
    }
}
