using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.BrowserTests;

/// <summary>
/// The real app on a real port (Kestrel), on a fresh database of the provider under test, driven by Debian's
/// Chromium through Playwright. Never downloads a browser.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string?>? _settings;
    private TestDatabase? _database;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseUrl { get; private set; } = default!;

    public static string ScreenshotFolder
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>On a fresh database of the provider under test (the class fixture).</summary>
    public BrowserApp()
    {
    }

    // Not public: xunit wants one public constructor on a class fixture.
    private BrowserApp(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
    }

    /// <summary>On a database these settings name (a server the test owns and may stop, say); call InitializeAsync.</summary>
    public static BrowserApp WithSettings(IReadOnlyDictionary<string, string?> settings) => new(settings);

    public async ValueTask InitializeAsync()
    {
        if (_settings is null)
        {
            _database = await TestDatabase.CreateAsync();
        }

        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));

        // Web-first assertions retry until the page settles; give a loaded CI machine room.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SCS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>A new browser context (its own cookies), like a separate person at a separate computer.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl.ToString(), Locale = locale });
        context.SetDefaultTimeout(30_000);

        // A sign-in (password hashing) and the first render of a portal page can take long on a loaded 2-core machine
        // running the app, the database and Chromium at once: navigations get more room than single actions.
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Waits until the Blazor circuit is live, so clicks reach the server.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive='true']").WaitForAsync();

    /// <summary>
    /// Presses Submit and, while the form lists missing answers, follows the first link and answers it ("No", the first
    /// option, or a text), until the response is submitted. After each press it waits for the server's answer to that
    /// press (the form counts them in <c>data-submit-attempts</c>), so a list still on screen from the press before is
    /// never taken for the new one: on a loaded machine it was, and the next press waited for a button that had gone.
    /// </summary>
    public static async Task CompleteAndSubmitAsync(IPage page, string? screenshot = null)
    {
        var submit = page.GetByRole(AriaRole.Button, new() { Name = "Submit to the secretariat" });
        var form = page.Locator("[data-response]");
        var missing = page.Locator(".mud-alert-text-error ul.scs-summary li a");
        for (var round = 0; round < 80; round++)
        {
            var attempts = int.Parse(await form.GetAttributeAsync("data-submit-attempts") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            await submit.ClickAsync();

            var answered = page.Locator($"[data-response]:not([data-submit-attempts='{attempts}'])");
            await Assert.That(answered.Or(page.Locator(".mud-chip", new() { HasText = "Submitted" })).First).ToBeVisibleAsync();
            if (await submit.CountAsync() == 0 || await missing.CountAsync() == 0)
            {
                break;
            }

            if (round == 0 && screenshot is not null)
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, screenshot) });
            }

            // Follow the first link to the question it names and answer it.
            var href = await missing.First.GetAttributeAsync("href");
            var anchor = href![(href!.IndexOf('#', StringComparison.Ordinal) + 1)..];
            await missing.First.ClickAsync();
            var question = page.Locator($"#{anchor}");
            await Assert.That(question).ToBeVisibleAsync();
            if (await question.Locator("input[type=radio]").CountAsync() > 0)
            {
                await question.GetByText("No", new() { Exact = true }).ClickAsync();
            }
            else if (await question.Locator("input[type=checkbox]").CountAsync() > 0)
            {
                await question.Locator("input[type=checkbox]").First.CheckAsync();
            }
            else
            {
                await question.Locator("input, textarea").First.FillAsync("Answered by the browser test");
            }

            await Assert.That(page.Locator("[data-save-status='saved']")).ToBeVisibleAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings ?? _database!.ConfigurationValues)
        {
            builder.UseSetting(key, value);
        }

        // Tests sign in many times from one (unknown) address: no rate limit unless a test turns it on.
        builder.UseSetting("RateLimiting:Enabled", "false");

        // The server's side of each browser test, for reading beside a failure (TestResults keeps the screenshots folder).
        var log = Path.Combine(ScreenshotFolder, string.Create(CultureInfo.InvariantCulture, $"server-{DateTime.UtcNow:HHmmss}-{Guid.NewGuid().ToString("N")[..8]}.log"));
        builder.ConfigureLogging(logging => logging.AddProvider(new ServerLogFile(log)));
    }
}
