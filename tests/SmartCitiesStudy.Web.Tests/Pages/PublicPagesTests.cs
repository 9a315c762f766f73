using System.Net;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Pages;

public sealed class PublicPagesTests(StudyWebApp app) : IClassFixture<StudyWebApp>
{
    [Fact]
    public async Task Health_is_green_and_includes_the_database()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"database\":\"Healthy\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_lists_the_published_editions_with_their_themes_without_signing_in()
    {
        using var client = app.CreateClient();
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        foreach (var theme in new[] { "HOLISTIC", "ECONOMY", "GOVERNANCE" })
        {
            Assert.Contains(theme, html, StringComparison.Ordinal);
        }

        // The open 2026 edition has no public figures; it is only offered to cities that want to take part.
        Assert.DoesNotContain("href=\"/editions/2026\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/editions/2026/indicators", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/editions/2026/take-part\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("MudBlazor", html, StringComparison.Ordinal); // reader pages are plain HTML
    }

    [Theory]
    [InlineData("es", "Ediciones")]
    [InlineData("fr", "Éditions")]
    public async Task The_language_in_the_url_sets_the_page_language(string lang, string headingText)
    {
        using var client = app.CreateClient();
        var html = await client.GetStringAsync(new Uri($"/?lang={lang}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains($"<html lang=\"{lang}\">", html, StringComparison.Ordinal);
        Assert.Contains(headingText, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_culture_endpoint_remembers_the_choice_in_a_cookie_for_pages_other_than_public_ones()
    {
        using var client = app.CreateBrowserClient();
        using var switched = await client.GetAsync(new Uri("/culture?lang=fr&returnUrl=%2F", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/", switched.Headers.Location?.OriginalString);
        var login = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"fr\">", login, StringComparison.Ordinal);
        // A public page is the same for everyone who asks for its URL (ADR 0015): its language is in the URL.
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"en\">", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_language_in_the_url_is_remembered_so_interactive_pages_keep_it_after_loading()
    {
        using var client = app.CreateBrowserClient();
        using var response = await client.GetAsync(new Uri("/Account/Login?lang=es", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Des%7Cuic%3Des", StringComparison.Ordinal));
        var html = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"es\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    public async Task The_language_switcher_does_not_redirect_off_site(string returnUrl)
    {
        using var client = app.CreateBrowserClient();
        using var response = await client.GetAsync(new Uri($"/culture?lang=es&returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_unsupported_language_is_refused_clearly()
    {
        using var client = app.CreateBrowserClient();
        using var response = await client.GetAsync(new Uri("/culture?lang=xx", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("en, es, fr", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_is_a_friendly_404()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/no/such/page", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
