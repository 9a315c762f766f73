using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Reader;

/// <summary>
/// Barrier and facilitator options on the reader site: x of N per world region and population band under each
/// option, the same numbers as the open-data API, in plain HTML (details/summary and a table, no JavaScript).
/// </summary>
public sealed class OptionBreakdownTests(StudyWebApp app) : IClassFixture<StudyWebApp>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> PageAsync(string url)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<JsonElement> IndicatorAsync(string edition, string id)
    {
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/editions/{edition}/indicators", UriKind.Relative), Ct));
        return json.RootElement.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id).Clone();
    }

    /// <summary>"3 of 8 · 37.5%", or "—" for a group where no city answered.</summary>
    private static string Cell(JsonElement group) => group.GetProperty("denominator").GetInt32() == 0
        ? "—"
        : $"{group.GetProperty("numerator").GetInt32()} of {group.GetProperty("denominator").GetInt32()} · {group.GetProperty("percent").GetDecimal().ToString("#,0.#", English)}%";

    /// <summary>The element with this id, up to its closing tag.</summary>
    private static string Element(string html, string id, string tag)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no element {id}");
        return html[start..html.IndexOf($"</{tag}>", start, StringComparison.Ordinal)];
    }

    [Theory]
    [InlineData("", "byRegion", "Each option by world region", "Europe")]
    [InlineData("?breakdown=band", "byPopulationBand", "Each option by population band", "100,000 to 1 million")]
    public async Task Each_barrier_option_shows_x_of_n_per_group_as_in_the_api(string query, string property, string summary, string aGroup)
    {
        var html = await PageAsync("/editions/2017/indicators" + query);
        var barriers = await IndicatorAsync("2017", "digital_barriers");

        var article = Element(html, "indicator-digital_barriers", "article");
        var details = article[article.IndexOf("<details class=\"trend option-breakdown\">", StringComparison.Ordinal)..];
        Assert.Contains($"<summary>{summary}</summary>", details, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"col\" class=\"num\">{aGroup}</th>", details, StringComparison.Ordinal);
        var named = 0;
        foreach (var option in barriers.GetProperty("options").EnumerateArray())
        {
            var cells = option.GetProperty(property).EnumerateArray().Select(g => $"<td class=\"num\">{Regex.Escape(Cell(g))}</td>").ToList();
            Assert.NotEmpty(cells);
            Assert.Matches("</th>\\s*" + string.Join("\\s*", cells) + "\\s*</tr>", details);
            named += option.GetProperty("numerator").GetInt32() > 0 ? 1 : 0;
        }

        Assert.True(named > 0, "the demo's 2017 cities name digital barriers");
    }

    [Fact]
    public async Task A_factor_followed_across_editions_shows_each_edition_s_x_of_n_by_region_and_band()
    {
        var html = await PageAsync("/factors");
        using var client = app.CreateClient();
        using var factors = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/factors", UriKind.Relative), Ct));
        var barrier = factors.RootElement.GetProperty("barriers").EnumerateArray().First();
        var concept = barrier.GetProperty("concept").GetString()!;
        var newest = barrier.GetProperty("editions").EnumerateArray().Last().GetProperty("edition").GetString()!;

        var article = Element(html, $"barrier-{concept}", "article");
        Assert.Contains("<summary>By world region and population band</summary>", article, StringComparison.Ordinal);
        Assert.Contains("<caption>Cities that name it, by world region, of those that answered, in each edition</caption>", article, StringComparison.Ordinal);
        Assert.Contains("<caption>Cities that name it, by population band, of those that answered, in each edition</caption>", article, StringComparison.Ordinal);
        foreach (var edition in barrier.GetProperty("editions").EnumerateArray())
        {
            Assert.Contains($"<th scope=\"col\" class=\"num\">{edition.GetProperty("edition").GetString()}</th>", article, StringComparison.Ordinal);
        }

        // The newest edition's Europe cell is that edition's own option breakdown.
        using var indicators = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/editions/{newest}/indicators", UriKind.Relative), Ct));
        var option = indicators.RootElement.GetProperty("indicators").EnumerateArray()
            .Where(i => i.GetProperty("id").GetString()!.EndsWith("_barriers", StringComparison.Ordinal) && i.GetProperty("kind").GetString() == "choice")
            .SelectMany(i => i.GetProperty("options").EnumerateArray())
            .First(o => o.GetProperty("code").GetString() == concept);
        var europe = option.GetProperty("byRegion").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "Europe");
        Assert.Matches($"<th scope=\"row\">Europe</th>(\\s*<td class=\"num\">[^<]*</td>)*\\s*<td class=\"num\">{Regex.Escape(Cell(europe))}</td>\\s*</tr>", article);
    }
}
