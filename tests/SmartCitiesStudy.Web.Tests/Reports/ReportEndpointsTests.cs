using System.Net;
using System.Net.Http.Headers;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Reports;

public sealed class ReportEndpointsTests(StudyWebApp app) : IClassFixture<StudyWebApp>
{
    private const string Secretariat = "secretariat@demo.smartcities.local";

    [Fact]
    public async Task Anyone_downloads_the_published_study_and_revalidates_it_with_its_etag()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateBrowserClient();
        using var response = await client.GetAsync(new Uri("/editions/2017/report.pdf?lang=en", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("smart-cities-study-2017-en.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(response.Headers.CacheControl?.Public);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        Assert.Equal("%PDF"u8.ToArray(), body[..4]);
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/editions/2017/report.pdf?lang=en", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again, ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task An_unpublished_edition_is_404_to_readers_and_a_preview_for_the_secretariat()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = new Uri($"/editions/{DemoDataSeeder.NextEditionCode}/report.pdf", UriKind.Relative);
        using var anonymous = app.CreateBrowserClient();
        using var hidden = await anonymous.GetAsync(path, ct);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        using var client = app.CreateBrowserClient();
        using var signIn = await FormPost.SignInAsync(client, Secretariat, DemoAccounts.Password);
        using var preview = await client.GetAsync(path, ct);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("application/pdf", preview.Content.Headers.ContentType?.MediaType);
        Assert.True(preview.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task A_factsheet_is_served_for_a_participating_city_only_and_an_unknown_language_is_a_400()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateBrowserClient();
        using var factsheet = await client.GetAsync(new Uri("/editions/2017/cities/porto/factsheet.pdf?lang=es", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, factsheet.StatusCode);
        Assert.Equal("smart-cities-study-2017-porto-es.pdf", factsheet.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        using var unknownCity = await client.GetAsync(new Uri("/editions/2017/cities/atlantis/factsheet.pdf", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.NotFound, unknownCity.StatusCode);

        using var badLanguage = await client.GetAsync(new Uri("/editions/2017/report.pdf?lang=de", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.BadRequest, badLanguage.StatusCode);
        Assert.Contains("en, es, fr", await badLanguage.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }
}
