using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Infrastructure.Identity;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Security;

public sealed class SignInAndRolesTests(StudyWebApp app) : IClassFixture<StudyWebApp>
{
    private const string Secretariat = "secretariat@demo.smartcities.local";
    private const string BilbaoOfficer = "ane.officer@bilbao.demo.smartcities.local";

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_for_the_portal()
    {
        using var client = app.CreateBrowserClient();
        using var response = await client.GetAsync(new Uri("/portal/editions", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login?ReturnUrl=%2Fportal%2Feditions", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_city_officer_cannot_reach_secretariat_pages()
    {
        using var client = app.CreateBrowserClient();
        using var signIn = await FormPost.SignInAsync(client, BilbaoOfficer, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var home = await client.GetAsync(new Uri("/portal", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        using var editions = await client.GetAsync(new Uri("/portal/editions", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, editions.StatusCode);
        Assert.Contains("/Account/AccessDenied", editions.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/portal/review")]
    [InlineData("/portal/review/1")]
    [InlineData("/portal/editions/2026/audit")]
    [InlineData("/portal/editions/2026/preview")]
    [InlineData("/portal/editions/2026/questionnaire")]
    [InlineData("/portal/editions/2026/questionnaire.json")]
    public async Task A_city_officer_is_refused_review_and_secretariat_pages(string path)
    {
        using var client = app.CreateBrowserClient();
        await FormPost.SignInAsync(client, BilbaoOfficer, DemoAccounts.Password);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True(
            response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden,
            $"{path} answered {(int)response.StatusCode} to a city officer");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Contains("/Account/AccessDenied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_secretariat_sees_every_edition_including_the_open_one()
    {
        using var client = app.CreateBrowserClient();
        using var signIn = await FormPost.SignInAsync(client, Secretariat, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/portal", signIn.Headers.Location?.AbsolutePath);

        var html = await client.GetStringAsync(new Uri("/portal/editions", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Smart Cities Study 2026", html, StringComparison.Ordinal);
        Assert.Contains("GOVERNANCE", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_message_and_five_lock_the_account()
    {
        const string email = "rita.officer@porto.demo.smartcities.local";
        using var client = app.CreateBrowserClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failed = await FormPost.SignInAsync(client, email, "not-the-password");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains("The e-mail or password is not right.", await failed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        using var fifth = await FormPost.SignInAsync(client, email, "not-the-password");
        Assert.Equal(HttpStatusCode.Redirect, fifth.StatusCode);
        Assert.EndsWith("Account/Lockout", fifth.Headers.Location?.ToString(), StringComparison.Ordinal);

        // Even the right password is refused while locked out.
        using var right = await FormPost.SignInAsync(client, email, DemoAccounts.Password);
        Assert.EndsWith("Account/Lockout", right.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_person_cannot_sign_in()
    {
        const string email = "jon.officer@bilbao.demo.smartcities.local";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync(email);
            user!.IsActive = false;
            await users.UpdateAsync(user);
        }

        using var client = app.CreateBrowserClient();
        using var response = await FormPost.SignInAsync(client, email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This account is not active", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_form_without_the_antiforgery_token_is_refused()
    {
        using var client = app.CreateBrowserClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = Secretariat,
            ["Input.Password"] = DemoAccounts.Password,
        });
        using var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("scs.auth", StringComparison.Ordinal)));
    }
}
