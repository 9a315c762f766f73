using Microsoft.Playwright;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.BrowserTests;

/// <summary>Issue 20: a reviewer, required to, sets up an authenticator app and signs in with its codes.</summary>
public sealed class TwoFactorTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private BrowserApp? _app;

    private BrowserApp App => _app ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>(_database.ConfigurationValues)
        {
            ["Security:RequireTwoFactorForStaff"] = "true",
        };
        _app = BrowserApp.WithSettings(settings);
        await _app.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_reviewer_sets_up_two_factor_from_the_shared_key_then_signs_in_with_a_fresh_code()
    {
        const string reviewer = "reviewer@demo.smartcities.local";
        var page = await App.NewPageAsync();
        await BrowserApp.SignInAsync(page, reviewer, DemoAccounts.Password);

        // Required of reviewers: the portal sends them to set it up first.
        await page.WaitForURLAsync("**/Account/Manage/EnableAuthenticator");
        await Assert.That(page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("two-factor-enable.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(page, "set up two-factor");

        var key = await page.Locator("[data-shared-key]").InnerTextAsync();
        await page.GetByLabel("Code from the app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assert.That(page.GetByText("Keep these recovery codes in a safe place.")).ToBeVisibleAsync();
        await Assert.That(page.Locator("[data-recovery-codes] li")).ToHaveCountAsync(10);
        await page.ScreenshotAsync(new() { Path = Shot("two-factor-recovery-codes.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(page, "recovery codes");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assert.That(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();

        // Password, then a code the app would show in the next 30 seconds.
        await BrowserApp.SignInAsync(page, reviewer, DemoAccounts.Password);
        await page.WaitForURLAsync("**/Account/LoginWith2fa**");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "two-factor code");
        await page.GetByLabel("Code from the app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/portal");
        await BrowserApp.WaitForInteractiveAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("two-factor-portal.png") });
    }

    private static string Shot(string name) => Path.Combine(BrowserApp.ScreenshotFolder, name);
}
