using Microsoft.Playwright;
using SmartCitiesStudy.Infrastructure.Seeding;

namespace SmartCitiesStudy.BrowserTests;

/// <summary>Cities learning from cities (issue 21): the officer's "Learn from peers" and the reader's peers page.</summary>
public sealed class PeersTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_officer_of_an_approved_response_opens_learn_from_peers_and_sees_the_cities_that_do_what_theirs_does_not()
    {
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, "rita.officer@porto.demo.smartcities.local", DemoAccounts.Password);
        await page.WaitForURLAsync("**/portal");
        await BrowserApp.WaitForInteractiveAsync(page);

        await page.Locator("[data-learn-from-peers='2017']").ClickAsync();
        await page.WaitForURLAsync("**/portal/editions/2017/learn-from-peers");
        await Assert.That(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Learn from peers");
        // Porto has no dual vocational training; Bilbao, Barcelona, Brno and Ostrava do.
        var dual = page.Locator("[data-gap='dual_vocational_training']");
        await Assert.That(dual.Locator("[data-peer]")).ToHaveCountAsync(4);
        await Assert.That(dual.GetByRole(AriaRole.Link, new() { Name = "Bilbao" })).ToBeVisibleAsync();
        await Assert.That(page.Locator("[data-peer='porto']")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "Learn from peers");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "learn-from-peers.png"), FullPage = true });
    }

    [Fact]
    public async Task A_reader_follows_cities_that_do_this_from_a_figure()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/editions/2017/indicators");
        await page.Locator("[data-peers='ss_strategy']").ClickAsync();
        await page.WaitForURLAsync("**/editions/2017/indicators/ss_strategy/peers");
        await Assert.That(page.Locator("[data-peer]")).ToHaveCountAsync(15);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "peers-ss-strategy.png"), FullPage = true });
        await page.GotoAsync("/editions/2017/indicators/investment_factors/peers?lang=es");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "peers-investment-factors-es.png"), FullPage = true });
    }
}
