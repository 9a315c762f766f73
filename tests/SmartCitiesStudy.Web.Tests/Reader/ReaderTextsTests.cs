using System.Net;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Reader;

/// <summary>The reader site shows the study's editorial texts: edition page, indicators, chapters 4 and 5.</summary>
public sealed class ReaderTextsTests(StudyWebApp app) : IClassFixture<StudyWebApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> PageAsync(string url)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_edition_page_shows_the_foreword_and_chapters_one_and_two()
    {
        var html = await PageAsync("/editions/2017");
        Assert.Contains(">Foreword</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Juan Mari Aburto", html, StringComparison.Ordinal);
        Assert.Contains(">1.1 Smart Cities in UCLG</h2>", html, StringComparison.Ordinal);
        Assert.Contains(">2.2 Objectives of the study</h2>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/editions/2017/conclusions\"", html, StringComparison.Ordinal);

        var spanish = await PageAsync("/editions/2017?lang=es");
        Assert.Contains(">Prólogo</h2>", spanish, StringComparison.Ordinal);
        Assert.Contains("Este texto aún no está traducido; se muestra en inglés.", spanish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indicators_carry_field_introductions_and_analysis_and_chapters_four_and_five_have_their_page()
    {
        var indicators = await PageAsync("/editions/2017/indicators");
        Assert.Contains("data-block=\"field:knowledge_talent\"", indicators, StringComparison.Ordinal);
        Assert.Contains("data-block=\"subsection:smart_specialisation\"", indicators, StringComparison.Ordinal);

        var conclusions = await PageAsync("/editions/2017/conclusions");
        Assert.Contains(">4.1 Barriers</h2>", conclusions, StringComparison.Ordinal);
        Assert.Contains(">4.2 Facilitating elements</h2>", conclusions, StringComparison.Ordinal);
        Assert.Contains(">5 Conclusions</h2>", conclusions, StringComparison.Ordinal);
        Assert.Contains("Cross-cutting", conclusions, StringComparison.Ordinal);
        Assert.Contains("Main facilitating elements", conclusions, StringComparison.Ordinal);
    }
}
