using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Archive;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Testing;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Reader;

/// <summary>
/// A production installation after <c>db migrate</c> alone (no demo): the reader pages and the API show the
/// historical editions as their publications state them (ADR 0013), and never mention demo data.
/// </summary>
public sealed class PublishedEditionsTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private ConfiguredWebApp? _app;

    private ConfiguredWebApp App => _app ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(); // migrated with reference data, as db migrate leaves it
        _app = new ConfiguredWebApp("Production", _database.ConfigurationValues);
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
    public async Task The_api_gives_the_published_counts_and_figures_with_their_source()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = App.CreateBrowserClient();
        using var editions = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/editions", UriKind.Relative), ct));
        Assert.Equal(
            [("2019", 24, "published"), ("2017", 20, "published"), ("2012", 28, "published")],
            editions.RootElement.EnumerateArray().Select(e => (e.GetProperty("code").GetString(), e.GetProperty("respondents").GetInt32(), e.GetProperty("source").GetString())));
        Assert.Equal(
            [true, false, true],
            editions.RootElement.EnumerateArray().Select(e => e.GetProperty("questionnaire").GetProperty("reconstructed").GetBoolean()));

        using var indicators = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/editions/2017/indicators", UriKind.Relative), ct));
        Assert.Equal("published", indicators.RootElement.GetProperty("source").GetString());
        Assert.Equal(20, indicators.RootElement.GetProperty("respondents").GetInt32());
        var first = indicators.RootElement.GetProperty("indicators")[0];
        Assert.Equal(("ss_strategy", 15, 20, "75.0"), (first.GetProperty("id").GetString(), first.GetProperty("numerator").GetInt32(), first.GetProperty("denominator").GetInt32(), first.GetProperty("percent").GetRawText()));

        using var csv = await client.GetAsync(new Uri("/api/v1/editions/2017/responses.csv", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync(ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines); // the header: no per-city answer is invented for a real city

        using var factsheet = await client.GetAsync(new Uri("/editions/2017/cities/bilbao/factsheet.pdf", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.NotFound, factsheet.StatusCode);
    }

    [Theory]
    [InlineData("/", new[] { "20 participating cities", "28 participating cities", "24 participating cities", "As published in 2017" })]
    [InlineData("/editions/2017", new[] { "As published in 2017", "20 cities took part in this edition.", "Lappeenranta", "Kathmandu", "to download from the Committee's website" })]
    [InlineData("/editions/2017/indicators", new[] { "75% of the participating cities — 15 out of 20 —", "Every figure as published in 2017", "27%" })]
    [InlineData("/editions/2017/good-practices", new[] { "24 of 24 good practices", "Ruta N Capital", "QuitoTeConecta" })]
    [InlineData("/good-practices/2017-medellin-ruta-n-capital", new[] { "Ruta N Capital", "Medellín (Colombia)", "www.rutanmedellin.org", "As published in 2017" })]
    [InlineData("/editions/2012", new[] { "28 cities took part in this edition.", "As published in 2012", "Published by: Committee of Digital and Knowledge-Based Cities of UCLG.", "is a reconstruction", "How the data were collected is not recorded in the portal." })]
    [InlineData("/editions/2019", new[] { "24 cities took part in this edition.", "As published in 2019", "Published by: Community of Practice on Digital Cities of UCLG.", "is a reconstruction", "Publication date", "Early 2020", "most of them members of the Community of Practice" })]
    public async Task Reader_pages_show_the_published_record_and_never_demo_data(string path, string[] expected)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = App.CreateBrowserClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(ct));
        foreach (var text in expected)
        {
            Assert.Contains(text, html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Demo data", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/cities/", html, StringComparison.Ordinal); // a city as published has no page of answers
    }

    [Fact]
    public async Task An_attached_original_publication_is_offered_and_served_as_a_pdf_with_an_etag()
    {
        var ct = TestContext.Current.CancellationToken;
        var pdf = "%PDF-1.4\n% original\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();
        var attached = await App.Services.GetRequiredService<AttachOriginalPublication>().ExecuteAsync("2017", "es", pdf, StudyUser.System, ct);
        Assert.True(attached.Succeeded, attached.Error);

        using var client = App.CreateBrowserClient();
        var page = await client.GetStringAsync(new Uri("/editions/2017", UriKind.Relative), ct);
        Assert.Contains("href=\"/editions/2017/original.pdf?lang=es\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("original.pdf?lang=en", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/editions/2017/report.pdf?lang=en\"", page, StringComparison.Ordinal); // the generated study too

        using var response = await client.GetAsync(new Uri("/editions/2017/original.pdf?lang=es", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync(ct));
        Assert.Contains("smart-cities-study-2017-original-es.pdf", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var etag = response.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/editions/2017/original.pdf?lang=es");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again, ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var english = await client.GetAsync(new Uri("/editions/2017/original.pdf?lang=en", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.NotFound, english.StatusCode);
    }
}
