using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Infrastructure.Seeding;

namespace SmartCitiesStudy.BrowserTests;

/// <summary>
/// The whole study cycle through the browser, as the three kinds of people live it, on the provider under test
/// (./test.sh runs it on SQLite and on PostgreSQL): the secretariat starts edition 2028 from 2017's questionnaire,
/// opens it and invites a new officer of Liège; the officer accepts, answers, loses the connection in the middle of
/// an answer, gets it back and submits; a reviewer returns the response with a comment; the officer corrects it and
/// submits again; the reviewer approves; the secretariat closes and publishes; an anonymous reader sees the figure
/// and downloads the study PDF. Every page on the way is checked with axe-core.
/// </summary>
public sealed partial class StudyCycleTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Edition = "2028";
    private const string OfficerEmail = "new.officer@liege.example.org";
    private const string OfficerPassword = "liege liege liege";
    private const string Comment = "The council adopted Liège's strategy in 2016: please check this answer.";
    private const string OfflineText = "Typed while the connection was down";

    private static string Shot(string name) => Path.Combine(BrowserApp.ScreenshotFolder, "cycle-" + name + ".png");

    [Fact]
    public async Task Secretariat_opens_an_edition_officer_answers_through_a_lost_connection_review_returns_and_approves_reader_gets_the_figure_and_the_pdf()
    {
        var secretariat = await SignedInAsync("secretariat@demo.smartcities.local", DemoAccounts.Password);
        await CreateAndOpenEditionAsync(secretariat);
        var invitation = await InviteOfficerAsync(secretariat);

        var officer = await AcceptInvitationAsync(invitation);
        await AnswerThroughALostConnectionAndSubmitAsync(officer);

        var reviewer = await SignedInAsync("reviewer@demo.smartcities.local", DemoAccounts.Password);
        await ReturnWithACommentAsync(reviewer);
        await CorrectAndResubmitAsync(officer);
        await ApproveAsync(reviewer);

        await ChangeEditionStatusAsync(secretariat, "Close…", "Closed");
        await ChangeEditionStatusAsync(secretariat, "Publish…", "Published");
        await ReadTheFigureAndDownloadThePdfAsync();
    }

    private async Task<IPage> SignedInAsync(string email, string password)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "sign-in page");
        await BrowserApp.SignInAsync(page, email, password);
        await page.WaitForURLAsync("**/portal");
        await BrowserApp.WaitForInteractiveAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "portal home of " + email);
        return page;
    }

    private static ILocator EditionRow(IPage page) =>
        page.Locator("tr").Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = Edition, Exact = true }) });

    private static async Task CreateAndOpenEditionAsync(IPage page)
    {
        await page.GotoAsync("/portal/editions");
        await BrowserApp.WaitForInteractiveAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "editions");
        await page.GetByRole(AriaRole.Button, new() { Name = "New edition" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Code (usually the year)").FillAsync(Edition);
        await dialog.GetByLabel("Title").FillAsync("Smart Cities Study " + Edition);
        await dialog.GetByLabel("Theme").FillAsync("DATA");
        await dialog.GetByRole(AriaRole.Spinbutton, new() { Name = "Year" }).FillAsync(Edition);
        await dialog.Locator(".mud-select").Filter(new() { HasText = "Start from the questionnaire of" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Smart Cities Study 2017 (ECONOMY)" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "new edition dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Assert.That(EditionRow(page)).ToContainTextAsync("Draft");

        await ChangeEditionStatusAsync(page, "Open for answers…", "Open");
    }

    private static async Task ChangeEditionStatusAsync(IPage page, string action, string status)
    {
        if (!page.Url.EndsWith("/portal/editions", StringComparison.Ordinal))
        {
            await page.GotoAsync("/portal/editions");
            await BrowserApp.WaitForInteractiveAsync(page);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Actions for edition " + Edition }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = action }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assert.That(dialog).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, action + " dialog");
        if (action == "Publish…")
        {
            await Assert.That(dialog.Locator("[data-publication-preview]")).ToContainTextAsync("The figures will count 1 approved response(s).");
        }

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assert.That(EditionRow(page).Locator(".mud-chip")).ToContainTextAsync(status);
        await page.ScreenshotAsync(new() { Path = Shot("editions-" + status.ToLowerInvariant()) });
    }

    private static async Task<string> InviteOfficerAsync(IPage page)
    {
        await page.GotoAsync("/portal/people");
        await BrowserApp.WaitForInteractiveAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "people");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite someone" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("E-mail").FillAsync(OfficerEmail);
        await dialog.Locator(".mud-select").Filter(new() { HasText = "City" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Liège (Belgium)" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "invitation dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Assert.That(page.GetByRole(AriaRole.Cell, new() { Name = OfficerEmail, Exact = true })).ToBeVisibleAsync();

        await page.GotoAsync("/portal/outbox");
        var mail = page.Locator($"[data-mail-to='{OfficerEmail}']").First;
        await Assert.That(mail).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "outbox");
        var link = AcceptLink().Match(await mail.InnerTextAsync()).Value;
        Xunit.Assert.NotEmpty(link);
        return link;
    }

    private async Task<IPage> AcceptInvitationAsync(string link)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(link);
        await Assert.That(page.GetByText("You are invited as a city officer of Liège.")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "accept invitation");
        await page.GetByLabel("Your name").FillAsync("Léa Officer");
        await page.GetByLabel("Choose a password").FillAsync(OfficerPassword);
        await page.GetByLabel("Repeat the password").FillAsync(OfficerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await page.WaitForURLAsync("**/portal");
        await BrowserApp.WaitForInteractiveAsync(page);
        await Assert.That(page.Locator($"[data-edition='{Edition}']")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "officer's portal home");
        return page;
    }

    private static ILocator Question(IPage page, string path) => page.Locator($"[data-question='{path}']");

    private static Task WaitSavedAsync(IPage page) => Assert.That(page.Locator("[data-save-status='saved']")).ToBeVisibleAsync();

    private static async Task OpenFormAsync(IPage page)
    {
        await page.GotoAsync($"/portal/editions/{Edition}/response");
        await page.Locator("[data-response][data-ready='true']").WaitForAsync();
    }

    /// <summary>What the server has stored for Liège's answer to a question of the new edition (null: nothing).</summary>
    private async Task<string?> StoredAnswerAsync(string path)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync();
        return await db.Answers
            .Where(a => a.Path == path && db.Responses.Any(r => r.Id == a.ResponseId
                && db.Editions.Any(e => e.Id == r.EditionId && e.Code == Edition) && db.Cities.Any(c => c.Id == r.CityId && c.Name == "Liège")))
            .Select(a => a.ValueJson)
            .SingleOrDefaultAsync();
    }

    private async Task AnswerThroughALostConnectionAndSubmitAsync(IPage page)
    {
        var network = await FlakyConnection.AttachAsync(page);
        await OpenFormAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "officer's form");
        await Question(page, "ss_strategy").GetByText("Yes", new() { Exact = true }).ClickAsync();
        await WaitSavedAsync(page);
        await Question(page, "ss_formalised").GetByText("No", new() { Exact = true }).ClickAsync();
        await WaitSavedAsync(page);

        // The network fails in the middle of an answer: the keystrokes never reach the server, then the socket drops
        // and the page tries to reconnect, in vain for a while.
        network.LoseMessages();
        await page.Locator("#q-ss_priority_sectors-input").PressSequentiallyAsync(OfflineText, new() { Delay = 5 });
        await network.DropAsync();
        await Assert.That(page.Locator("#components-reconnect-modal")).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(1_000);
        await page.ScreenshotAsync(new() { Path = Shot("connection-lost") });
        Xunit.Assert.Null(await StoredAnswerAsync("ss_priority_sectors")); // only the browser has it

        // It comes back: the circuit reconnects and the form sends what the browser kept meanwhile.
        network.Restore();
        await Assert.That(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await WaitSavedAsync(page);

        // Saved on the server: a fresh page load shows it.
        await OpenFormAsync(page);
        await Assert.That(page.Locator("#q-ss_priority_sectors-input")).ToHaveValueAsync(OfflineText);
        Xunit.Assert.Contains(OfflineText, await StoredAnswerAsync("ss_priority_sectors"), StringComparison.Ordinal);

        await BrowserApp.CompleteAndSubmitAsync(page, screenshot: "cycle-missing.png");
        await Assert.That(page.Locator(".mud-chip", new() { HasText = "Submitted" }).First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "officer's submitted form");
    }

    private static async Task OpenReviewAsync(IPage page)
    {
        await page.GotoAsync("/portal/review");
        await BrowserApp.WaitForInteractiveAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "review queue");
        await page.ScreenshotAsync(new() { Path = Shot("review-queue") });
        var row = page.Locator("tr").Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = Edition, Exact = true }) });
        await row.GetByRole(AriaRole.Link, new() { Name = "Review the response of Liège" }).ClickAsync();
        await Assert.That(page.GetByRole(AriaRole.Heading, new() { Name = "Liège", Level = 1 })).ToBeVisibleAsync();
        await BrowserApp.WaitForInteractiveAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "review page");
    }

    private static async Task ReturnWithACommentAsync(IPage page)
    {
        await OpenReviewAsync(page);
        var extra = page.Locator("#a-ss_formalised + dd.scs-answers__extra");
        await extra.GetByRole(AriaRole.Button, new() { Name = "Comment" }).ClickAsync();
        await extra.GetByLabel("Comment").FillAsync(Comment);
        await extra.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assert.That(page.Locator("[data-thread='ss_formalised']")).ToContainTextAsync("please check this answer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Return to the city" }).ClickAsync();
        await Assert.That(page.Locator(".mud-chip", new() { HasText = "Returned" }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("returned") });
    }

    private static async Task CorrectAndResubmitAsync(IPage page)
    {
        await page.GotoAsync("/portal");
        await BrowserApp.WaitForInteractiveAsync(page);
        await Assert.That(page.Locator($"[data-edition='{Edition}']")).ToContainTextAsync("1 comment(s) from the secretariat");
        await OpenFormAsync(page);
        await Assert.That(Question(page, "ss_formalised").Locator("[data-thread='ss_formalised']")).ToContainTextAsync("please check this answer");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "officer's returned form");
        await Question(page, "ss_formalised").GetByText("Yes", new() { Exact = true }).ClickAsync();
        await WaitSavedAsync(page);
        await BrowserApp.CompleteAndSubmitAsync(page); // the document's name is asked now
        await Assert.That(page.Locator(".mud-chip", new() { HasText = "Submitted" }).First).ToBeVisibleAsync();
    }

    private static async Task ApproveAsync(IPage page)
    {
        await OpenReviewAsync(page);
        await Assert.That(page.Locator("#a-ss_formalised + dd.scs-answers__extra")).ToContainTextAsync("Changed since returned");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assert.That(page.Locator(".mud-chip", new() { HasText = "Approved" }).First).ToBeVisibleAsync();
    }

    private async Task ReadTheFigureAndDownloadThePdfAsync()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "public home");
        await page.GetByRole(AriaRole.Link, new() { Name = "Smart Cities Study " + Edition, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/editions/" + Edition);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "public edition page");
        await page.GetByRole(AriaRole.Link, new() { Name = "See the indicators" }).ClickAsync();
        await page.WaitForURLAsync($"**/editions/{Edition}/indicators");
        await Assert.That(page.Locator("#indicator-ss_strategy .indicator__sentence")).ToContainTextAsync("100% of the participating cities — 1 out of 1");
        await Assert.That(page.Locator("#indicator-ss_formalised .indicator__sentence")).ToContainTextAsync("100% of the participating cities — 1 out of 1"); // as corrected after review
        await Accessibility.AssertNoSeriousViolationsAsync(page, "public indicators");
        await page.ScreenshotAsync(new() { Path = Shot("reader-indicators") });

        var pdf = await page.RunAndWaitForResponseAsync(
            () => page.Locator("a[data-download='pdf-en']").ClickAsync(),
            r => r.Url.Contains($"/editions/{Edition}/report.pdf", StringComparison.Ordinal),
            new() { Timeout = 120_000 });
        Xunit.Assert.Equal(200, pdf.Status);
        Xunit.Assert.StartsWith("application/pdf", pdf.Headers["content-type"], StringComparison.Ordinal);
        var file = await page.APIRequest.GetAsync(pdf.Url); // the browser hands the download over; fetch the same URL to read it
        var body = await file.BodyAsync();
        Xunit.Assert.True(body.Length > 10_000 && body.AsSpan(0, 5).SequenceEqual("%PDF-"u8), $"The study PDF has {body.Length} bytes.");
    }

    [GeneratedRegex(@"https?://\S+/Account/AcceptInvitation\?token=[A-Za-z0-9_-]+")]
    private static partial Regex AcceptLink();
}
