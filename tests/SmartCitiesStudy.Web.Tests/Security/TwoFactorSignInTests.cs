using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Testing;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Security;

/// <summary>Two-factor sign-in with an authenticator app: set-up, codes, recovery codes, lockout (issue 20).</summary>
public sealed partial class TwoFactorSignInTests(StudyWebApp app) : IClassFixture<StudyWebApp>
{
    private const string Reviewer = "reviewer@demo.smartcities.local";
    private const string Secretariat = "secretariat@demo.smartcities.local";
    private const string PortoOfficer = "rita.officer@porto.demo.smartcities.local";

    [Fact]
    public async Task A_reviewer_turns_on_two_factor_then_signs_in_with_a_code_and_a_recovery_code_works_once()
    {
        var ct = TestContext.Current.CancellationToken;

        // Two-factor required of staff: with it on, the reviewer reaches the portal.
        await using var host = TwoFactorRequirementTests.Requiring(app, true);
        using var setUp = TwoFactorRequirementTests.BrowserClient(host);
        var (key, recoveryCodes) = await EnableTwoFactorAsync(setUp, Reviewer);
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal(10, recoveryCodes.Distinct().Count());
        await using (var db = app.Database.CreateContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.TwoFactorEnabled && a.Reason == Reviewer, ct));
        }

        // The password alone no longer signs in: the code page asks for the app's code.
        using var browser = TwoFactorRequirementTests.BrowserClient(host);
        using var password = await FormPost.SignInAsync(browser, Reviewer, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Contains("/Account/LoginWith2fa", password.Headers.Location?.ToString(), StringComparison.Ordinal);
        using var notYet = await browser.GetAsync(new Uri("/portal", UriKind.Relative), ct);
        Assert.Contains("/Account/Login", notYet.Headers.Location?.ToString(), StringComparison.Ordinal);

        using var code = await FormPost.SubmitAsync(browser, PathOf(password), new Dictionary<string, string>
        {
            ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)),
        });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.EndsWith("/portal", code.Headers.Location?.ToString(), StringComparison.Ordinal);
        using var portal = await browser.GetAsync(new Uri("/portal", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, portal.StatusCode);

        // A recovery code signs in once; the second time it is refused.
        using var once = await SignInWithRecoveryCodeAsync(recoveryCodes[0]);
        Assert.Equal(HttpStatusCode.Redirect, once.StatusCode);
        using var again = await SignInWithRecoveryCodeAsync(recoveryCodes[0]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("This recovery code is not right or was already used.", await again.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_codes_count_toward_the_lockout_like_wrong_passwords()
    {
        var ct = TestContext.Current.CancellationToken;
        await EnableTwoFactorAsync(app.CreateBrowserClient(), Secretariat);

        using var browser = app.CreateBrowserClient();
        using var password = await FormPost.SignInAsync(browser, Secretariat, DemoAccounts.Password);
        var codePage = PathOf(password);
        using var wrong = await FormPost.SubmitAsync(browser, codePage, new Dictionary<string, string> { ["Input.Code"] = "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The code is not right.", await wrong.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(1, await FailedAttemptsAsync(Secretariat));

        HttpResponseMessage? last = null;
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            last?.Dispose();
            last = await FormPost.SubmitAsync(browser, codePage, new Dictionary<string, string> { ["Input.Code"] = "000000" });
        }

        Assert.Equal(HttpStatusCode.Redirect, last!.StatusCode);
        Assert.Contains("/Account/Lockout", last.Headers.Location?.ToString(), StringComparison.Ordinal);
        last.Dispose();
        await using var db = app.Database.CreateContext();
        Assert.True(await db.Users.Where(u => u.Email == Secretariat).Select(u => u.LockoutEnd).SingleAsync(ct) > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task The_code_pages_send_someone_who_has_not_given_the_password_to_sign_in()
    {
        using var client = app.CreateBrowserClient();
        foreach (var page in new[] { "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode" })
        {
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_code_forms_are_rate_limited_like_the_sign_in_form()
    {
        await using var limited = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("RateLimiting:Enabled", "true");
            b.UseSetting("RateLimiting:PermitLimit", "1");
            b.UseSetting("RateLimiting:WindowSeconds", "600");
        });
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        foreach (var form in new[] { "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode" })
        {
            using var first = await client.PostAsync(new Uri(form, UriKind.Relative), new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
            using var second = await client.PostAsync(new Uri(form, UriKind.Relative), new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        }
    }

    [Fact]
    public async Task Turning_two_factor_off_forgets_the_key_and_is_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateBrowserClient();
        var (key, _) = await EnableTwoFactorAsync(client, PortoOfficer);
        using var reset = await FormPost.SubmitAsync(client, "/Account/Manage/ResetAuthenticator", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("/Account/Manage/EnableAuthenticator", reset.Headers.Location?.ToString(), StringComparison.Ordinal);

        // Still signed in, with a new key on the set-up page.
        var page = await client.GetStringAsync(new Uri("/Account/Manage/EnableAuthenticator", UriKind.Relative), ct);
        Assert.NotEqual(key, SharedKey(page));
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Users.Where(u => u.Email == PortoOfficer).Select(u => u.TwoFactorEnabled).SingleAsync(ct));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.TwoFactorDisabled && a.Reason == PortoOfficer, ct));
    }

    [Fact]
    public async Task Hostile_codes_are_refused_with_a_message_and_never_echoed()
    {
        const string jon = "jon.officer@bilbao.demo.smartcities.local";
        var hostile = "<script>alert(1)</script>" + new string('9', 5000);
        using var setUp = app.CreateBrowserClient();
        using var signIn = await FormPost.SignInAsync(setUp, jon, DemoAccounts.Password);
        using var refused = await FormPost.SubmitAsync(setUp, "/Account/Manage/EnableAuthenticator", new Dictionary<string, string> { ["Input.Code"] = hostile });
        await AssertRefusedAsync(refused, "The code is not right.");

        await EnableTwoFactorAsync(app.CreateBrowserClient(), jon);
        using var browser = app.CreateBrowserClient();
        using var password = await FormPost.SignInAsync(browser, jon, DemoAccounts.Password);
        using var code = await FormPost.SubmitAsync(browser, PathOf(password), new Dictionary<string, string> { ["Input.Code"] = hostile });
        await AssertRefusedAsync(code, "The code is not right.");
        using var recovery = await FormPost.SubmitAsync(browser, "/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Input.RecoveryCode"] = hostile });
        await AssertRefusedAsync(recovery, "This recovery code is not right or was already used.");
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string message)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
    }

    /// <summary>Signs in, reads the key from the set-up page, types the app's code; returns the key and the recovery codes.</summary>
    internal static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync(HttpClient client, string email)
    {
        using var signIn = await FormPost.SignInAsync(client, email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var page = await client.GetStringAsync(new Uri("/Account/Manage/EnableAuthenticator", UriKind.Relative));
        Assert.Contains("<svg class=\"qr-code\"", page, StringComparison.Ordinal);
        var key = SharedKey(page);
        using var enabled = await FormPost.SubmitAsync(client, "/Account/Manage/EnableAuthenticator", new Dictionary<string, string>
        {
            ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow),
        });
        var html = await enabled.Content.ReadAsStringAsync();
        Assert.True(enabled.StatusCode == HttpStatusCode.OK && html.Contains("Your authenticator app is set up.", StringComparison.Ordinal), html);
        return (key, [.. RecoveryCode().Matches(html).Select(m => m.Groups[1].Value)]);
    }

    private static string PathOf(HttpResponseMessage redirect) =>
        redirect.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : redirect.Headers.Location!.ToString();

    private static string SharedKey(string html) => SharedKeyText().Match(html).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);

    private async Task<HttpResponseMessage> SignInWithRecoveryCodeAsync(string recoveryCode)
    {
        using var client = app.CreateBrowserClient();
        using var password = await FormPost.SignInAsync(client, Reviewer, DemoAccounts.Password);
        Assert.Contains("/Account/LoginWith2fa", password.Headers.Location?.ToString(), StringComparison.Ordinal);
        return await FormPost.SubmitAsync(client, "/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Input.RecoveryCode"] = recoveryCode });
    }

    private async Task<int> FailedAttemptsAsync(string email)
    {
        await using var db = app.Database.CreateContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.AccessFailedCount).SingleAsync(TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("data-shared-key[^>]*>([^<]+)</kbd>")]
    private static partial Regex SharedKeyText();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
