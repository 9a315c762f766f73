using System.Globalization;
using Microsoft.Playwright;
using SmartCitiesStudy.Infrastructure.Seeding;

namespace SmartCitiesStudy.BrowserTests;

/// <summary>
/// Issue 18 through the browser (the parts built so far): the secretariat sets the open edition's deadline in the
/// calendar dialog; the officer sees it written out on the portal home; the officer submits and the receipt is in the
/// outbox.
/// </summary>
public sealed class EditionCalendarTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Ane = "ane.officer@bilbao.demo.smartcities.local";
    private const string DemoEdition = "2026";

    [Fact]
    public async Task Secretariat_sets_the_deadline_officer_sees_it_submits_and_gets_the_receipt()
    {
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40));
        var secretariat = await app.NewPageAsync();
        await BrowserApp.SignInAsync(secretariat, "secretariat@demo.smartcities.local", DemoAccounts.Password);
        await secretariat.WaitForURLAsync("**/portal");
        await secretariat.GotoAsync("/portal/editions");
        await BrowserApp.WaitForInteractiveAsync(secretariat);
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Actions for edition " + DemoEdition }).ClickAsync();
        await secretariat.GetByRole(AriaRole.Menuitem, new() { Name = "Calendar…" }).ClickAsync();
        var dialog = secretariat.GetByRole(AriaRole.Dialog);
        await dialog.Locator("[data-field='deadline']").FillAsync(deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Accessibility.AssertNoSeriousViolationsAsync(secretariat, "calendar dialog");
        await secretariat.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "calendar-dialog.png") });
        await dialog.Locator("[data-action='save-calendar']").ClickAsync();
        var row = secretariat.Locator("tr").Filter(new() { Has = secretariat.GetByRole(AriaRole.Cell, new() { Name = DemoEdition, Exact = true }) });
        await Assert.That(row).ToContainTextAsync(deadline.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB")));

        var officer = await app.NewPageAsync();
        await BrowserApp.SignInAsync(officer, Ane, DemoAccounts.Password);
        await officer.WaitForURLAsync("**/portal");
        await Assert.That(officer.GetByText($"Deadline {deadline.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}, end of the day UTC").First).ToBeVisibleAsync();
        await officer.GotoAsync($"/portal/editions/{DemoEdition}/response");
        await officer.Locator("[data-response][data-ready='true']").WaitForAsync();
        await BrowserApp.CompleteAndSubmitAsync(officer);
        await Assert.That(officer.Locator(".mud-chip", new() { HasText = "Submitted" }).First).ToBeVisibleAsync();

        await secretariat.GotoAsync("/portal/outbox");
        var receipt = secretariat.Locator($"[data-mail-to='{Ane}']").Filter(new() { HasText = "we received Bilbao's response" });
        await Assert.That(receipt.First).ToBeVisibleAsync();
    }
}
