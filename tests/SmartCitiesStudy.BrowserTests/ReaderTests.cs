using Microsoft.Playwright;

namespace SmartCitiesStudy.BrowserTests;

/// <summary>The public reader site in a real browser: accessibility (axe-core) and the way to the study PDF.</summary>
public sealed class ReaderTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string[] PagePaths =
    [
        "/",
        "/editions/2017",
        "/editions/2017/indicators",
        "/editions/2017/indicators?breakdown=band",
        "/editions/2017/indicators/ss_strategy/peers",
        "/editions/2017/indicators/investment_factors/peers",
        "/editions/2017/good-practices",
        "/good-practices/2017-liege-venturelab",
        "/cities/bilbao",
        "/no/such/page",
    ];

    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in PagePaths)
        {
            data.Add(path, "en");
            data.Add(path, "es");
        }

        data.Add("/editions/2017/indicators", "fr");
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_public_page_type_has_no_serious_or_critical_accessibility_violation(string path, string lang)
    {
        var page = await app.NewPageAsync(lang == "en" ? "en-GB" : lang);
        await page.GotoAsync(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang);
        await Assert.That(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await Assert.That(page.Locator("h1")).ToHaveCountAsync(1);

        await Accessibility.AssertNoSeriousViolationsAsync(page, $"{path} ({lang})");
    }

    [Fact]
    public async Task A_reader_goes_from_home_to_an_edition_s_indicators_and_downloads_the_study_pdf()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "reader-home.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "Smart Cities Study 2017", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/editions/2017");
        await page.GetByRole(AriaRole.Link, new() { Name = "See the indicators" }).ClickAsync();
        await page.WaitForURLAsync("**/editions/2017/indicators");
        await Assert.That(page.Locator("#indicator-ss_strategy .indicator__sentence")).ToHaveTextAsync("75% of the participating cities — 15 out of 20 — have a local smart specialisation strategy.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "reader-indicators.png") });

        var pdf = await page.RunAndWaitForResponseAsync(
            () => page.Locator("a[data-download='pdf-en']").ClickAsync(),
            r => r.Url.Contains("/editions/2017/report.pdf", StringComparison.Ordinal));
        Xunit.Assert.Equal(200, pdf.Status);
        Xunit.Assert.StartsWith("application/pdf", pdf.Headers["content-type"], StringComparison.Ordinal);
    }
}
