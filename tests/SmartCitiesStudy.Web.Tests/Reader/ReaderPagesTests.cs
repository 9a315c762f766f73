using System.Globalization;
using System.Net;
using System.Text.Json;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Reader;

/// <summary>The public reader pages, rendered with the demo data, checked against the open-data API.</summary>
public sealed class ReaderPagesTests(StudyWebApp app) : IClassFixture<StudyWebApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> PageAsync(string url, HttpClient? client = null)
    {
        using var own = client is null ? app.CreateClient() : null;
        using var response = await (client ?? own!).GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Every_share_indicator_on_the_page_is_the_api_s_x_of_n_and_percent()
    {
        var html = await PageAsync("/editions/2017/indicators");
        using var client = app.CreateClient();
        using var api = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/editions/2017/indicators", UriKind.Relative), Ct));

        Assert.Contains("75% of the participating cities — 15 out of 20 — have a local smart specialisation strategy.", html, StringComparison.Ordinal);
        var shares = api.RootElement.GetProperty("indicators").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "share").ToList();
        Assert.NotEmpty(shares);
        foreach (var share in shares)
        {
            var percent = share.GetProperty("percent").GetDecimal().ToString("#,0.#", CultureInfo.GetCultureInfo("en-GB"));
            var over = share.GetProperty("missing").GetInt32() == 0 ? "participating cities" : "cities that answered";
            var expected = $"{percent}% of the {over} — {share.GetProperty("numerator").GetInt32()} out of {share.GetProperty("denominator").GetInt32()} —";
            Assert.True(html.Contains(expected, StringComparison.Ordinal), $"{share.GetProperty("id").GetString()}: the page lacks \"{expected}\"");
        }

        // A choice indicator: one bar and row per option over the cities that answered; a mean: mean, median and n.
        Assert.Contains("The 19 cities that answered identify these main factors for attracting investments:", html, StringComparison.Ordinal);
        Assert.Contains("On average, 30% of the population aged 25 to 30 have university studies — mean over the ", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("/api/v1/editions/2017/responses.csv", html, StringComparison.Ordinal);
        Assert.Contains("/api/v1/editions/2017/responses.xlsx", html, StringComparison.Ordinal);
        Assert.Contains("/editions/2017/report.pdf?lang=fr", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_breakdown_switches_between_region_and_population_band_without_javascript()
    {
        var byRegion = await PageAsync("/editions/2017/indicators");
        Assert.Contains("<caption>By world region</caption>", byRegion, StringComparison.Ordinal);
        Assert.Contains("href=\"/editions/2017/indicators?breakdown=band\"", byRegion, StringComparison.Ordinal);

        var byBand = await PageAsync("/editions/2017/indicators?breakdown=band");
        Assert.Contains("<caption>By population band</caption>", byBand, StringComparison.Ordinal);
        Assert.Contains("100,000 to 1 million", byBand, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"true\">Population band</a>", byBand, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_indicator_asked_in_several_editions_shows_its_trend_with_each_edition_s_x_of_n()
    {
        var html = await PageAsync("/editions/2019/indicators");
        Assert.Contains("Across editions", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/editions/2012/indicators#indicator-open_data_portal\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_edition_page_counts_the_participants_by_band_and_region_and_links_fields_and_cities()
    {
        var html = await PageAsync("/editions/2017");
        Assert.Contains("<h1>Smart Cities Study 2017</h1>", html, StringComparison.Ordinal);
        Assert.Contains("20 cities took part in this edition.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/editions/2017/indicators#field-innovation\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/cities/liege\">Liège</a>", html, StringComparison.Ordinal);
        // Row 100,000 to 1 million: Africa 0, America 1, Asia 1, Europe 7, total 9 (seed 003).
        Assert.Matches("100,000 to 1 million</th>\\s*<td class=\"num\">0</td>\\s*<td class=\"num\">1</td>\\s*<td class=\"num\">1</td>\\s*<td class=\"num\">7</td>\\s*<td class=\"num\">9</td>", html);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/editions/2017")]
    [InlineData("/editions/2017/indicators")]
    [InlineData("/editions/2017/good-practices")]
    [InlineData("/editions/2012/indicators")]
    public async Task Pages_showing_the_demo_s_invented_answers_say_they_are_demo_data(string url)
    {
        var html = System.Net.WebUtility.HtmlDecode(await PageAsync(url));
        Assert.Contains("Demo data — not the published study", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-notice=\"published\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/editions/2026")] // open, not published
    [InlineData("/editions/2026/indicators")]
    [InlineData("/editions/2026/good-practices")]
    [InlineData("/editions/1999")]
    [InlineData("/editions/1999/indicators")]
    [InlineData("/cities/atlantis")]
    [InlineData("/good-practices/2017-bilbao-nothing")]
    [InlineData("/good-practices/garbage")]
    public async Task Anything_not_public_is_the_friendly_404(string url)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Good_practices_are_searched_by_words_and_filtered_by_field_region_band_and_city()
    {
        var all = await PageAsync("/editions/2017/good-practices");
        Assert.Contains("href=\"/good-practices/2017-bilbao-ibilbao2020\"", all, StringComparison.Ordinal);

        var search = await PageAsync("/editions/2017/good-practices?q=incubator+students");
        Assert.Contains("VentureLab", search, StringComparison.Ordinal);
        Assert.DoesNotContain("iBilbao 2020", search, StringComparison.Ordinal);
        Assert.Contains("value=\"incubator students\"", search, StringComparison.Ordinal);

        var accents = await PageAsync("/editions/2017/good-practices?q=liege");
        Assert.Contains("VentureLab", accents, StringComparison.Ordinal);

        var symbols = await PageAsync("/editions/2017/good-practices?q=wifi");
        Assert.Contains("QuitoTeConecta", symbols, StringComparison.Ordinal); // "Wi-Fi hotspots"

        var digital = await PageAsync("/editions/2017/good-practices?field=digital");
        Assert.Contains("QuitoTeConecta", digital, StringComparison.Ordinal);
        Assert.DoesNotContain("VentureLab", digital, StringComparison.Ordinal);

        var america = await PageAsync("/editions/2017/good-practices?region=America");
        Assert.Contains("MobiLab", america, StringComparison.Ordinal);
        Assert.DoesNotContain("iBilbao 2020", america, StringComparison.Ordinal);

        var bilbao = await PageAsync("/editions/2017/good-practices?city=bilbao");
        Assert.Contains("iBilbao 2020", bilbao, StringComparison.Ordinal);
        Assert.Contains("1 of ", bilbao, StringComparison.Ordinal);

        var band = await PageAsync("/editions/2017/good-practices?band=under-50k&q=iBilbao");
        Assert.Contains("No good practice matches", band, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_practice_page_links_its_city_and_its_website_as_external()
    {
        var html = await PageAsync("/good-practices/2017-liege-venturelab");
        Assert.Contains("<h1 id=\"practice-title\">VentureLab, student and young graduate incubator</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/cities/liege\"", html, StringComparison.Ordinal);
        Assert.Contains("Key success factors", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.venturelab.be/\" rel=\"noopener nofollow external\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_city_page_lists_the_published_editions_it_is_counted_in_and_its_practices_never_a_rank()
    {
        var bilbao = await PageAsync("/cities/bilbao");
        Assert.Contains("<h1>Bilbao</h1>", bilbao, StringComparison.Ordinal);
        foreach (var edition in new[] { "2012", "2017", "2019" })
        {
            Assert.Contains($"href=\"/editions/{edition}\"", bilbao, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("/editions/2026", bilbao, StringComparison.Ordinal); // its draft in the open edition
        Assert.Contains("href=\"/editions/2017/cities/bilbao/factsheet.pdf?lang=en\"", bilbao, StringComparison.Ordinal);
        Assert.Contains("href=\"/good-practices/2017-bilbao-ibilbao2020\"", bilbao, StringComparison.Ordinal);

        var kathmandu = await PageAsync("/cities/kathmandu");
        Assert.DoesNotContain("href=\"/editions/2019\"", kathmandu, StringComparison.Ordinal); // returned in 2019: not counted
    }

    [Theory]
    [InlineData("es", "Indicadores", "El 75 % de las ciudades participantes — 15 de 20 —")]
    [InlineData("fr", "Indicateurs", "75 % des villes participantes — 15 sur 20 —")]
    public async Task The_reader_pages_speak_spanish_and_french_with_their_number_formats(string lang, string heading, string sentence)
    {
        var html = await PageAsync($"/editions/2017/indicators?lang={lang}");
        Assert.Contains($"<html lang=\"{lang}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{heading} · ", html, StringComparison.Ordinal);
        Assert.Contains(sentence, html.Replace('\u202F', ' ').Replace('\u00A0', ' '), StringComparison.Ordinal);
    }
}
