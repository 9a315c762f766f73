using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Reader;

/// <summary>Output caching of the reader pages: served from the cache, never for signed-in people, dropped on a status change.</summary>
public sealed class ReaderCacheTests(StudyWebApp app) : IClassFixture<StudyWebApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_readers_get_the_cached_page_per_language_of_the_url_without_a_cookie()
    {
        using var client = app.CreateClient();
        using var first = await client.GetAsync(new Uri("/editions/2017", UriKind.Relative), Ct);
        using var second = await client.GetAsync(new Uri("/editions/2017", UriKind.Relative), Ct);
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.True(second.Headers.Age is not null, "the second request was not served from the output cache");

        // The language of a public page is in its URL, not in the browser's Accept-Language (ADR 0015).
        using var spanish = new HttpRequestMessage(HttpMethod.Get, new Uri("/editions/2017", UriKind.Relative));
        spanish.Headers.AcceptLanguage.ParseAdd("es");
        using var browserInSpanish = await client.SendAsync(spanish, Ct);
        Assert.Contains("<html lang=\"en\">", await browserInSpanish.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var inSpanish = await client.GetAsync(new Uri("/editions/2017?lang=es", UriKind.Relative), Ct);
        Assert.Contains("<html lang=\"es\">", await inSpanish.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shared_link_with_a_language_is_cached_for_readers_and_sets_no_cookie()
    {
        using var first = app.CreateClient();
        using var one = await first.GetAsync(new Uri("/editions/2017/good-practices?lang=fr", UriKind.Relative), Ct);
        using var second = app.CreateClient();
        using var two = await second.GetAsync(new Uri("/editions/2017/good-practices?lang=fr", UriKind.Relative), Ct);
        Assert.True(two.Headers.Age is not null, "the second reader did not get the cached page");
        Assert.Contains("<html lang=\"fr\">", await two.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.False(two.Headers.Contains("Set-Cookie")); // a shared cache keeps no response that sets a cookie
    }

    [Fact]
    public async Task A_signed_in_person_gets_their_own_page_not_the_cached_one()
    {
        using var anonymous = app.CreateClient();
        await anonymous.GetStringAsync(new Uri("/editions/2019", UriKind.Relative), Ct);
        await anonymous.GetStringAsync(new Uri("/editions/2019", UriKind.Relative), Ct);

        using var client = app.CreateBrowserClient();
        using var signIn = await FormPost.SignInAsync(client, "reviewer@demo.smartcities.local", DemoAccounts.Password);
        using var page = await client.GetAsync(new Uri("/editions/2019", UriKind.Relative), Ct);
        Assert.Null(page.Headers.Age);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Sign out", html, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reopening_an_edition_takes_its_cached_pages_down_and_publishing_brings_them_back()
    {
        using var client = app.CreateClient();
        foreach (var url in new[] { "/", "/editions/2012", "/editions/2012/indicators", "/cities/buenos-aires" })
        {
            await client.GetStringAsync(new Uri(url, UriKind.Relative), Ct); // fills the cache
        }

        await ChangeAsync("2012", EditionAction.Reopen);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/editions/2012", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/editions/2012/indicators", UriKind.Relative), Ct)).StatusCode);
        Assert.DoesNotContain("href=\"/editions/2012\"", await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/editions/2012\"", await client.GetStringAsync(new Uri("/cities/buenos-aires", UriKind.Relative), Ct), StringComparison.Ordinal);

        await ChangeAsync("2012", EditionAction.Publish);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/editions/2012", UriKind.Relative), Ct)).StatusCode);
        Assert.Contains("href=\"/editions/2012\"", await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edition_reopened_by_another_instance_takes_the_cached_pages_down_within_seconds()
    {
        using var client = app.CreateClient();
        await client.GetStringAsync(new Uri("/editions/2019/indicators", UriKind.Relative), Ct);
        await client.GetStringAsync(new Uri("/editions/2019/indicators", UriKind.Relative), Ct); // cached now

        // Another instance reopens 2019: the change reaches the database but not this instance's listeners.
        await ChangeInDatabaseAsync("2019", (e, now) => e.Reopen("Reopened elsewhere", now));
        Assert.True(await EventuallyAsync(client, "/editions/2019/indicators", HttpStatusCode.NotFound), "the cached page outlived the reopening");

        await ChangeInDatabaseAsync("2019", (e, now) => e.Publish(now));
        Assert.True(await EventuallyAsync(client, "/editions/2019/indicators", HttpStatusCode.OK), "the page did not come back after publishing");
    }

    private async Task ChangeInDatabaseAsync(string code, Action<SmartCitiesStudy.Domain.Editions.Edition, DateTimeOffset> change)
    {
        await using var db = app.Database.CreateContext();
        var edition = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Editions, e => e.Code == code, Ct);
        change(edition, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<bool> EventuallyAsync(HttpClient client, string url, HttpStatusCode expected)
    {
        for (var waited = 0; waited < 15_000; waited += 250)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            if (response.StatusCode == expected)
            {
                return true;
            }

            await Task.Delay(250, Ct);
        }

        return false;
    }

    private async Task ChangeAsync(string code, EditionAction action)
    {
        var edition = (await app.Services.GetRequiredService<ListEditions>().ExecuteAsync(publishedOnly: false, Ct)).Single(e => e.Code == code);
        var result = await app.Services.GetRequiredService<ChangeEditionStatus>()
            .ExecuteAsync(code, action, edition.Version, StudyUser.System, "Reader cache test", Ct);
        Assert.True(result.Succeeded, result.Error);
    }
}
