using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmartCitiesStudy.Infrastructure.Seeding;

namespace SmartCitiesStudy.BrowserTests;

/// <summary>
/// Issue 18, the secretariat's side: a city's contact is added on the cities page, the secretariat writes a call for
/// the open edition, sends it, and the contact's e-mail with the city's own invitation link is in the outbox.
/// </summary>
public sealed partial class CallForParticipationTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Contact = "focal.point@lappeenranta.example";

    private static string Shot(string name) => Path.Combine(BrowserApp.ScreenshotFolder, name);

    [Fact]
    public async Task Secretariat_adds_a_contact_sends_a_call_and_the_invitation_is_in_the_outbox()
    {
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, "secretariat@demo.smartcities.local", DemoAccounts.Password);
        await page.WaitForURLAsync("**/portal");

        await page.GotoAsync("/portal/cities");
        await BrowserApp.WaitForInteractiveAsync(page);
        await page.GetByLabel("Search name or country").FillAsync("Lappeenranta");
        await Assert.That(page.GetByText("1 cities", new() { Exact = true })).ToBeVisibleAsync(); // the search applied
        await page.GetByRole(AriaRole.Button, new() { Name = "Actions for Lappeenranta" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Contacts and UCLG membership…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add a contact" }).ClickAsync();
        await dialog.GetByLabel("Name").FillAsync("Liisa Focal");
        await dialog.GetByLabel("E-mail").FillAsync(Contact);
        await dialog.GetByLabel("Role or title").FillAsync("Digital officer");
        await page.ScreenshotAsync(new() { Path = Shot("city-contacts-dialog.png") });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assert.That(page.GetByText("The contacts were saved.")).ToBeVisibleAsync();

        await page.GotoAsync("/portal/editions/2026/call");
        await BrowserApp.WaitForInteractiveAsync(page);
        await Assert.That(page.Locator("[data-recipients='1']")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Subject", Exact = true }).FillAsync("Join the Smart Cities Study 2026");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Markdown", Exact = true }).FillAsync("Dear colleague,\n\nThe **2026** edition is open to your city.");
        await Assert.That(page.Locator(".scs-text-preview strong", new() { HasText = "2026" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "call page");
        await page.ScreenshotAsync(new() { Path = Shot("call-for-participation.png"), FullPage = true });
        await page.GetByTestId("send-call").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assert.That(page.Locator("[data-call-result]")).ToContainTextAsync("The call was queued: 1 e-mail(s).");

        await page.GotoAsync("/portal/outbox");
        var mail = page.Locator($"[data-mail-to='{Contact}']").First;
        await Assert.That(mail).ToContainTextAsync("Join the Smart Cities Study 2026");
        var link = AcceptLink().Match(await mail.InnerTextAsync()).Value;
        Xunit.Assert.NotEmpty(link);

        var contact = await app.NewPageAsync();
        await contact.GotoAsync(new Uri(link).PathAndQuery);
        await Assert.That(contact.GetByText("You are invited as a city officer of Lappeenranta.", new() { Exact = false })).ToBeVisibleAsync();

        await page.GotoAsync("/portal/editions/2026/dashboard");
        await BrowserApp.WaitForInteractiveAsync(page);
        await Assert.That(page.Locator("#chart-regions svg")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("dashboard-charts.png"), FullPage = true });

        var asker = await app.NewPageAsync();
        await asker.GotoAsync("/editions/2026/take-part");
        await asker.ScreenshotAsync(new() { Path = Shot("take-part.png"), FullPage = true });
    }

    [GeneratedRegex(@"https?://\S+/Account/AcceptInvitation\?token=[A-Za-z0-9_-]+")]
    private static partial Regex AcceptLink();
}
