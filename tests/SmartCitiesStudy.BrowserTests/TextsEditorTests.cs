using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Infrastructure.Identity;
using SmartCitiesStudy.Infrastructure.Seeding;

namespace SmartCitiesStudy.BrowserTests;

public sealed class TextsEditorTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string TomEmail = "tom.secretariat@demo.smartcities.local";

    private static ILocator Markdown(IPage page) => page.GetByRole(AriaRole.Textbox, new() { Name = "Markdown", Exact = true });

    private static string Shot(string name) => Path.Combine(BrowserApp.ScreenshotFolder, name);

    private async Task<IPage> OpenEditorAsync(string email)
    {
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, email, DemoAccounts.Password);
        await page.WaitForURLAsync("**/portal");
        await page.GotoAsync("/portal/editions/2026/texts?block=conclusions");
        await BrowserApp.WaitForInteractiveAsync(page);
        await Assert.That(Markdown(page)).ToBeVisibleAsync();
        return page;
    }

    private async Task AddSecondSecretariatMemberAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(TomEmail) is not null)
        {
            return;
        }

        var tom = new ApplicationUser { UserName = TomEmail, Email = TomEmail, EmailConfirmed = true, DisplayName = "Tom Secretariat", CreatedAt = DateTimeOffset.UtcNow };
        Xunit.Assert.True((await users.CreateAsync(tom, DemoAccounts.Password)).Succeeded);
        Xunit.Assert.True((await users.AddToRoleAsync(tom, StudyRoles.Secretariat)).Succeeded);
    }

    [Fact]
    public async Task Texts_autosave_survive_a_reload_and_a_concurrent_save_is_shown_not_overwritten()
    {
        await AddSecondSecretariatMemberAsync();
        var sara = await OpenEditorAsync("secretariat@demo.smartcities.local");
        await Assert.That(sara.Locator("[data-block='conclusions'] [data-status='en:review']")).ToBeVisibleAsync();

        await Markdown(sara).FillAsync("## What we learnt\n\nSara's **first** draft.");
        await Assert.That(sara.GetByTestId("save-state")).ToHaveTextAsync("Saved (version 2).");
        await Assert.That(sara.GetByTestId("preview").Locator("strong")).ToHaveTextAsync("first");
        await Assert.That(sara.Locator("[data-block='conclusions'] [data-status='en:written']")).ToBeVisibleAsync();

        await sara.ReloadAsync();
        await BrowserApp.WaitForInteractiveAsync(sara);
        await Assert.That(Markdown(sara)).ToHaveValueAsync("## What we learnt\n\nSara's **first** draft.");
        await Assert.That(sara.GetByTestId("history")).ToContainTextAsync("Sara Secretariat");

        var tom = await OpenEditorAsync(TomEmail);
        await Assert.That(Markdown(tom)).ToHaveValueAsync("## What we learnt\n\nSara's **first** draft.");

        await Markdown(sara).FillAsync("## What we learnt\n\nSara's second draft.");
        await Assert.That(sara.GetByTestId("save-state")).ToHaveTextAsync("Saved (version 3).");

        await Markdown(tom).FillAsync("## What we learnt\n\nTom's rewrite.");
        await Assert.That(tom.GetByTestId("conflict")).ToContainTextAsync("Sara Secretariat saved this text meanwhile");
        await tom.ScreenshotAsync(new() { Path = Shot("texts-editor-conflict.png"), FullPage = true });
        await tom.GetByTestId("take-theirs").ClickAsync();
        await Assert.That(Markdown(tom)).ToHaveValueAsync("## What we learnt\n\nSara's second draft.");
        await Assert.That(tom.GetByTestId("conflict")).ToBeHiddenAsync();
    }
}
