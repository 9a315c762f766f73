using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Security;

/// <summary><c>Security:RequireTwoFactorForStaff</c>: reviewers and the secretariat set up two-factor before the portal.</summary>
public sealed class TwoFactorRequirementTests(StudyWebApp app) : IClassFixture<StudyWebApp>
{
    private const string SetUpPage = "/Account/Manage/EnableAuthenticator";

    [Theory]
    [InlineData("reviewer@demo.smartcities.local", "/portal")]
    [InlineData("reviewer@demo.smartcities.local", "/portal/review")]
    [InlineData("secretariat@demo.smartcities.local", "/portal/editions")]
    [InlineData("secretariat@demo.smartcities.local", "/portal/editions/2026/questionnaire.json")]
    public async Task Staff_without_two_factor_are_sent_to_set_it_up_before_any_portal_page(string email, string path)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var required = Requiring(true);
        using var client = BrowserClient(required);
        using var signIn = await FormPost.SignInAsync(client, email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var portal = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.Redirect, portal.StatusCode);
        Assert.Equal(SetUpPage, portal.Headers.Location?.ToString());

        // The set-up page, the other account pages and the static files stay reachable.
        var setUp = await client.GetStringAsync(new Uri(SetUpPage, UriKind.Relative), ct);
        Assert.Contains("set up two-factor sign-in before you continue to the portal", setUp, StringComparison.Ordinal);
        foreach (var reachable in new[] { "/Account/Manage/TwoFactorAuthentication", "/Account/Manage/ChangePassword", "/" })
        {
            using var response = await client.GetAsync(new Uri(reachable, UriKind.Relative), ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{reachable}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    [Theory]
    [InlineData(false, "reviewer@demo.smartcities.local")]
    [InlineData(false, "secretariat@demo.smartcities.local")]
    [InlineData(true, "ane.officer@bilbao.demo.smartcities.local")]
    public async Task Nobody_is_sent_to_set_up_two_factor_when_it_is_not_required_of_them(bool requireForStaff, string email)
    {
        await using var host = Requiring(requireForStaff);
        using var client = BrowserClient(host);
        await FormPost.SignInAsync(client, email, DemoAccounts.Password);
        using var portal = await client.GetAsync(new Uri("/portal", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, portal.StatusCode);
    }

    private WebApplicationFactory<Program> Requiring(bool required) => Requiring(app, required);

    internal static WebApplicationFactory<Program> Requiring(StudyWebApp app, bool required) =>
        app.WithWebHostBuilder(b => b.UseSetting("Security:RequireTwoFactorForStaff", required ? "true" : "false"));

    internal static HttpClient BrowserClient(WebApplicationFactory<Program> host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
