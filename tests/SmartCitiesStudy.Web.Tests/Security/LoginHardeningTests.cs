using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Security;

/// <summary>Rate limits on the account forms, and the flags of the sign-in and antiforgery cookies.</summary>
public sealed class LoginHardeningTests(StudyWebApp app) : IClassFixture<StudyWebApp>
{
    [Fact]
    public async Task The_sign_in_form_answers_429_after_too_many_posts_from_one_address()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var limited = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("RateLimiting:Enabled", "true");
            b.UseSetting("RateLimiting:PermitLimit", "3");
            b.UseSetting("RateLimiting:WindowSeconds", "600");
        });
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var allowed = await FormPost.SignInAsync(client, "nobody@example.org", "guess-" + attempt);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await FormPost.SignInAsync(client, "nobody@example.org", "guess-4");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "429 without Retry-After");
        var page = await refused.Content.ReadAsStringAsync(ct);
        Assert.Contains("Too many attempts", page, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(refused.Headers.GetValues("X-Content-Type-Options")));

        // Reading the form is not limited, and other forms have their own budget.
        using var form = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        using var forgot = await FormPost.SubmitAsync(client, "/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.org" });
        Assert.NotEqual(HttpStatusCode.TooManyRequests, forgot.StatusCode);
    }

    [Theory]
    [InlineData("http://localhost", false)]
    [InlineData("https://localhost", true)]
    public async Task The_sign_in_cookie_is_http_only_same_site_lax_and_secure_over_https(string baseAddress, bool secure)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) });
        using var signIn = await FormPost.SignInAsync(client, "reviewer@demo.smartcities.local", DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("scs.auth=", StringComparison.Ordinal));
        AssertFlags(cookie, "lax", secure);
    }

    [Theory]
    [InlineData("http://localhost", false)]
    [InlineData("https://localhost", true)]
    public async Task The_antiforgery_cookie_is_http_only_same_site_strict_and_secure_over_https(string baseAddress, bool secure)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri(baseAddress) });
        using var form = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative), TestContext.Current.CancellationToken);
        var cookie = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        AssertFlags(cookie, "strict", secure);
    }

    private static void AssertFlags(string setCookie, string sameSite, bool secure)
    {
        var flags = setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(f => f.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", flags);
        Assert.Contains("samesite=" + sameSite, flags);
        Assert.Equal(secure, flags.Contains("secure"));
    }
}
