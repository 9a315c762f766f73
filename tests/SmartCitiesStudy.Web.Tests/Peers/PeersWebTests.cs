using System.Net;
using System.Text.Json;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Peers;

/// <summary>"Cities that do this" (issue 21): the API's contract, the reader's link and page, and their 404s.</summary>
public sealed class PeersWebTests(StudyWebApp app) : IClassFixture<StudyWebApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_api_gives_exactly_the_contract_s_fields_and_the_cities_counted_yes_alphabetically()
    {
        using var client = app.CreateBrowserClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/editions/2017/peers/ss_strategy", UriKind.Relative), Ct));
        var root = json.RootElement;
        Assert.Equal(["edition", "indicator", "option", "basis", "cities"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("2017", "ss_strategy", JsonValueKind.Null, "responses"), (root.GetProperty("edition").GetString(), root.GetProperty("indicator").GetString(), root.GetProperty("option").ValueKind, root.GetProperty("basis").GetString()));

        var cities = root.GetProperty("cities").EnumerateArray().ToList();
        Assert.Equal(Demo2017Responses.YesCities["ss_strategy"].Order(Application.Features.Peers.ListPeers.NameOrder), cities.Select(c => c.GetProperty("name").GetString()));
        Assert.All(cities, c => Assert.Equal(["name", "slug", "country", "region", "goodPractices"], c.EnumerateObject().Select(p => p.Name)));
        var bilbao = cities.Single(c => c.GetProperty("slug").GetString() == "bilbao");
        Assert.Equal(("Spain", "Europe"), (bilbao.GetProperty("country").GetString(), bilbao.GetProperty("region").GetString()));
        var practice = bilbao.GetProperty("goodPractices")[0];
        Assert.Equal(["id", "title"], practice.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("2017-bilbao-", practice.GetProperty("id").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_choice_takes_its_option_and_an_unknown_or_unpublished_one_is_a_404_problem()
    {
        using var client = app.CreateBrowserClient();
        using var choice = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/editions/2017/peers/investment_factors?option=innovation_centres", UriKind.Relative), Ct));
        Assert.Equal("innovation_centres", choice.RootElement.GetProperty("option").GetString());
        Assert.Equal(Demo2017Responses.InvestmentFactors["innovation_centres"].Length, choice.RootElement.GetProperty("cities").GetArrayLength());

        foreach (var (url, says) in new[]
        {
            ("/api/v1/editions/2017/peers/investment_factors?option=nope", "nope"),
            ("/api/v1/editions/2017/peers/investment_factors", "option"),
            ("/api/v1/editions/2017/peers/no_such_figure", "no_such_figure"),
            ($"/api/v1/editions/{DemoDataSeeder.NextEditionCode}/peers/ss_strategy", DemoDataSeeder.NextEditionCode),
        })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(says, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OpenApi_lists_the_peers_endpoint()
    {
        using var client = app.CreateBrowserClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));
        var peers = document.RootElement.GetProperty("paths").GetProperty("/api/v1/editions/{code}/peers/{indicatorId}").GetProperty("get");
        Assert.Contains(peers.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "option");
    }

    [Fact]
    public async Task Each_share_and_choice_on_the_reader_page_links_to_its_cities_and_that_page_lists_them_in_the_reader_s_language()
    {
        using var client = app.CreateBrowserClient();
        var indicators = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/editions/2017/indicators", UriKind.Relative), Ct));
        Assert.Contains("href=\"/editions/2017/indicators/ss_strategy/peers\"", indicators, StringComparison.Ordinal);
        Assert.Contains("href=\"/editions/2017/indicators/investment_factors/peers\"", indicators, StringComparison.Ordinal);
        Assert.Contains("Cities that do this", indicators, StringComparison.Ordinal);
        var spanish = await client.GetStringAsync(new Uri("/editions/2017/indicators?lang=es", UriKind.Relative), Ct);
        Assert.Contains("href=\"/editions/2017/indicators/ss_strategy/peers?lang=es\"", spanish, StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/editions/2017/indicators/ss_strategy/peers", UriKind.Relative), Ct));
        Assert.Contains("Cities counted: 15", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/cities/bilbao\">Bilbao</a>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/good-practices/2017-bilbao-", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-peer=\"tequila\"", page, StringComparison.Ordinal); // Tequila has no strategy

        var french = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/editions/2017/indicators/investment_factors/peers?lang=fr", UriKind.Relative), Ct));
        Assert.Contains("Villes qui le font", french, StringComparison.Ordinal);
        Assert.Contains("id=\"peers-innovation_centres\"", french, StringComparison.Ordinal);
        var one = await client.GetStringAsync(new Uri("/editions/2017/indicators/investment_factors/peers?option=geographic_position", UriKind.Relative), Ct);
        Assert.Contains("id=\"peers-geographic_position\"", one, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"peers-innovation_centres\"", one, StringComparison.Ordinal); // the option is part of the cache key

        using var unknown = await client.GetAsync(new Uri("/editions/2017/indicators/no_such_figure/peers", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
