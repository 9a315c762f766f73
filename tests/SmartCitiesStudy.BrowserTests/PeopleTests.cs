using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmartCitiesStudy.Infrastructure.Seeding;

namespace SmartCitiesStudy.BrowserTests;

public sealed partial class PeopleTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static string Shot(string name) => Path.Combine(BrowserApp.ScreenshotFolder, name);

    [Fact]
    public async Task The_secretariat_invites_an_officer_who_accepts_in_another_browser_and_lands_in_the_portal()
    {
        const string email = "new.officer@porto.example.org";
        var secretariat = await app.NewPageAsync();
        await BrowserApp.SignInAsync(secretariat, "secretariat@demo.smartcities.local", DemoAccounts.Password);
        await secretariat.WaitForURLAsync("**/portal");
        await BrowserApp.WaitForInteractiveAsync(secretariat);

        await secretariat.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true }).ClickAsync();
        await secretariat.WaitForURLAsync("**/portal/people");
        await Assert.That(secretariat.GetByRole(AriaRole.Cell, new() { Name = "Sara Secretariat", Exact = true })).ToBeVisibleAsync();
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Invite someone" }).ClickAsync();
        var dialog = secretariat.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("E-mail").FillAsync(email);
        await dialog.Locator(".mud-select").Filter(new() { HasText = "City" }).Last.ClickAsync();
        await secretariat.GetByRole(AriaRole.Option, new() { Name = "Porto (Portugal)" }).ClickAsync();
        await secretariat.ScreenshotAsync(new() { Path = Shot("people-invite-dialog.png") });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Assert.That(secretariat.GetByRole(AriaRole.Cell, new() { Name = email, Exact = true })).ToBeVisibleAsync();
        await secretariat.ScreenshotAsync(new() { Path = Shot("people.png"), FullPage = true });

        await secretariat.GotoAsync("/portal/outbox");
        var mail = secretariat.Locator($"[data-mail-to='{email}']").First;
        await Assert.That(mail).ToBeVisibleAsync();
        await secretariat.ScreenshotAsync(new() { Path = Shot("outbox.png"), FullPage = true });
        var link = AcceptLink().Match(await mail.InnerTextAsync()).Value;
        Xunit.Assert.NotEmpty(link);

        var officer = await app.NewPageAsync();
        await officer.GotoAsync(link);
        await Assert.That(officer.GetByText("You are invited as a city officer of Porto.")).ToBeVisibleAsync();
        await officer.GetByLabel("Your name").FillAsync("Nuno Officer");
        await officer.GetByLabel("Choose a password").FillAsync("porto porto porto");
        await officer.GetByLabel("Repeat the password").FillAsync("porto porto porto");
        await officer.ScreenshotAsync(new() { Path = Shot("accept-invitation.png"), FullPage = true });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await officer.WaitForURLAsync("**/portal");
        await Assert.That(officer.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Nuno Officer" })).ToBeVisibleAsync();

        await officer.GotoAsync(link);
        await Assert.That(officer.GetByText("This invitation was already used.", new() { Exact = false })).ToBeVisibleAsync();
        await officer.ScreenshotAsync(new() { Path = Shot("accept-invitation-used.png"), FullPage = true });
    }

    [Fact]
    public async Task The_cities_page_and_the_edition_dashboard_render()
    {
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, "secretariat@demo.smartcities.local", DemoAccounts.Password);
        await page.WaitForURLAsync("**/portal");
        await BrowserApp.WaitForInteractiveAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Cities", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/portal/cities");
        await Assert.That(page.GetByRole(AriaRole.Cell, new() { Name = "Bilbao", Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("cities.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Actions for Bilbao" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Edit…" }).ClickAsync();
        await Assert.That(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("cities-edit-dialog.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Import CSV…" }).ClickAsync();
        var csv = Path.Combine(Path.GetTempPath(), "scs-bad-cities-" + Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(csv, "name,country,region\n,Spain,Europe\nAtlantis,Ocean,Mars\n", TestContext.Current.CancellationToken);
        await page.Locator("#cities-file").SetInputFilesAsync(csv);
        await Assert.That(page.GetByText("row 2, column name: The name is missing.")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("cities-import-errors.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

        await page.GotoAsync("/portal/editions/2026/dashboard");
        await BrowserApp.WaitForInteractiveAsync(page);
        await Assert.That(page.GetByRole(AriaRole.Heading, new() { Name = "Progress of edition 2026" })).ToBeVisibleAsync();
        await Assert.That(page.GetByRole(AriaRole.Cell, new() { Name = "Bilbao · Spain" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("dashboard.png"), FullPage = true });
    }

    [GeneratedRegex(@"https?://\S+/Account/AcceptInvitation\?token=[A-Za-z0-9_-]+")]
    private static partial Regex AcceptLink();
}
