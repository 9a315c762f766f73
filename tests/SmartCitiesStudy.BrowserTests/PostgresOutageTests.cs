using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.BrowserTests;

/// <summary>
/// PostgreSQL stops under an officer who is typing (a server of the test's own): the form says the answer is not saved
/// yet and kept in the browser, and once PostgreSQL is back it saves it by itself — no reload, no typing.
/// </summary>
public sealed class PostgresOutageTests : IAsyncLifetime
{
    private PostgresServer? _server;
    private BrowserApp? _app;

    public async ValueTask InitializeAsync()
    {
        if (!PostgresServer.CanStart)
        {
            return;
        }

        _server = await PostgresServer.StartNewAsync(TestContext.Current.CancellationToken);
        _app = BrowserApp.WithSettings(_server.DemoAppSettings());
        await _app.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_answer_typed_while_PostgreSQL_is_down_stays_in_the_browser_and_is_saved_by_itself_once_it_is_back()
    {
        Xunit.Assert.SkipWhen(_app is null || _server is null, PostgresServer.SkipReason);
        var ct = TestContext.Current.CancellationToken;
        const string text = "Typed while the database was down";
        var page = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(page, "ane.officer@bilbao.demo.smartcities.local", DemoAccounts.Password);
        await page.WaitForURLAsync("**/portal");
        await page.GotoAsync("/portal/editions/2026/response");
        await page.Locator("[data-response][data-ready='true']").WaitForAsync();
        await page.Locator("[data-question='ss_strategy']").GetByText("Yes", new() { Exact = true }).ClickAsync();
        await Assert.That(page.Locator("[data-save-status='saved']")).ToBeVisibleAsync();

        await _server.StopAsync(ct);
        await page.Locator("#q-ss_priority_sectors-input").FillAsync(text);
        await Assert.That(page.Locator("[data-save-status='offline']")).ToContainTextAsync("Not saved yet: 1 answer(s) kept in this browser", new() { Timeout = 45_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "outage-not-saved.png") });
        Xunit.Assert.Contains(text, await page.EvaluateAsync<string>("() => JSON.stringify(Object.entries(localStorage))"), StringComparison.Ordinal);

        await _server.StartAsync(ct);
        await Assert.That(page.Locator("[data-save-status='saved']")).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync(ct);
        var stored = await db.Answers.Where(a => a.Path == "ss_priority_sectors" && a.UpdatedByName != null && a.UpdatedByName.StartsWith("Ane")).Select(a => a.ValueJson).ToListAsync(ct);
        Xunit.Assert.Contains(stored, v => v.Contains(text, StringComparison.Ordinal));
    }
}
