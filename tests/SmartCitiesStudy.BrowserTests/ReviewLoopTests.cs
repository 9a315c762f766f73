using Microsoft.Playwright;
using SmartCitiesStudy.Infrastructure.Seeding;

namespace SmartCitiesStudy.BrowserTests;

public sealed class ReviewLoopTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, email, DemoAccounts.Password);
        await page.WaitForURLAsync("**/portal");
        return page;
    }

    [Fact]
    public async Task Reviewer_returns_with_a_comment_officer_replies_fixes_and_resubmits_reviewer_sees_the_change_and_approves()
    {
        // Porto's 2026 response is submitted in the demo data.
        var reviewer = await SignedInAsync("reviewer@demo.smartcities.local");
        await reviewer.GotoAsync("/portal/review");
        await BrowserApp.WaitForInteractiveAsync(reviewer);

        // Only what waits for a reviewer is listed: Bilbao's draft belongs to Bilbao until it is submitted.
        await Assert.That(reviewer.Locator("[data-filter='submitted']")).ToContainTextAsync("Waiting for review (1)");
        await Assert.That(reviewer.GetByRole(AriaRole.Link, new() { Name = "Review the response of Bilbao" })).ToHaveCountAsync(0);
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Review the response of Porto" }).ClickAsync();
        await Assert.That(reviewer.GetByRole(AriaRole.Heading, new() { Name = "Porto", Level = 1 })).ToBeVisibleAsync();
        await BrowserApp.WaitForInteractiveAsync(reviewer);

        var extra = reviewer.Locator("#a-ss_strategy + dd.scs-answers__extra");
        await extra.GetByRole(AriaRole.Button, new() { Name = "Comment" }).ClickAsync();
        await extra.GetByLabel("Comment").FillAsync("Porto's strategy is in the 2016 plan: please check this answer.");
        await extra.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assert.That(reviewer.Locator("[data-thread='ss_strategy']")).ToContainTextAsync("please check this answer");
        await reviewer.GetByLabel("Message to the city (optional)").FillAsync("Please check the strategy answer before Friday.");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Return to the city" }).ClickAsync();
        await Assert.That(reviewer.Locator(".mud-chip", new() { HasText = "Returned" }).First).ToBeVisibleAsync();
        var reviewUrl = reviewer.Url;
        await reviewer.GotoAsync("/portal/review?show=returned");
        await Assert.That(reviewer.Locator("[data-filter='returned']")).ToContainTextAsync("Returned to the city (1)");
        await Assert.That(reviewer.GetByRole(AriaRole.Link, new() { Name = "Review the response of Porto" })).ToBeVisibleAsync();
        await reviewer.GotoAsync(reviewUrl);

        // The officer sees the comment next to the answer, replies, changes it and submits again.
        var officer = await SignedInAsync("rita.officer@porto.demo.smartcities.local");
        await BrowserApp.WaitForInteractiveAsync(officer);
        await Assert.That(officer.Locator("[data-edition='2026']")).ToContainTextAsync("1 comment(s) from the secretariat");
        await Assert.That(officer.Locator("[data-edition='2026'] [data-return-message]")).ToContainTextAsync("Please check the strategy answer before Friday.");
        await officer.GotoAsync("/portal/editions/2026/response");
        await officer.Locator("[data-response][data-ready='true']").WaitForAsync();

        // The reviewer's message, and where the comments are: a link to each answer and a count per section.
        await Assert.That(officer.Locator("[data-return-message]")).ToContainTextAsync("Please check the strategy answer before Friday.");
        await Assert.That(officer.Locator("[data-commented-answers] a")).ToHaveCountAsync(1);
        await Assert.That(officer.Locator("[data-section-comments='1']")).ToHaveCountAsync(1);
        var thread = officer.Locator("[data-question='ss_strategy'] [data-thread='ss_strategy']");
        await Assert.That(thread).ToContainTextAsync("please check this answer");
        await officer.Locator("[data-question='ss_strategy']").GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        await officer.Locator("[data-question='ss_strategy']").GetByLabel("Reply").FillAsync("Right, we have one: corrected.");
        await officer.Locator("[data-question='ss_strategy']").GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assert.That(thread).ToContainTextAsync("Right, we have one");

        var yes = officer.Locator("[data-question='ss_strategy']").GetByText("Yes", new() { Exact = true });
        var no = officer.Locator("[data-question='ss_strategy']").GetByText("No", new() { Exact = true });
        var wasYes = await officer.Locator("[data-question='ss_strategy'] input[type=radio]").First.IsCheckedAsync();
        await (wasYes ? no : yes).ClickAsync();
        await Assert.That(officer.Locator("[data-save-status='saved']")).ToBeVisibleAsync();
        await officer.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "officer-returned.png") });
        await BrowserApp.CompleteAndSubmitAsync(officer);
        await Assert.That(officer.Locator(".mud-chip", new() { HasText = "Submitted" }).First).ToBeVisibleAsync();

        // The reviewer sees what changed and approves.
        await reviewer.ReloadAsync();
        await BrowserApp.WaitForInteractiveAsync(reviewer);
        await Assert.That(reviewer.Locator("#a-ss_strategy + dd.scs-answers__extra")).ToContainTextAsync("Changed since returned");
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "review-changed.png") });
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assert.That(reviewer.Locator(".mud-chip", new() { HasText = "Approved" }).First).ToBeVisibleAsync();

        await reviewer.GetByRole(AriaRole.Tab, new() { Name = "Audit trail" }).ClickAsync();
        await Assert.That(reviewer.Locator("table").Last).ToContainTextAsync("response.status_changed");
        await Assert.That(reviewer.Locator("table").Last).ToContainTextAsync("comment.added");
    }
}
