extern alias cli;

using System.Net;
using System.Text.Json;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Web.Tests.Infrastructure;
using StudyCli = cli::SmartCitiesStudy.Cli.StudyCli;

namespace SmartCitiesStudy.Web.Tests.Api;

public sealed class EditionsApiTests(StudyWebApp app) : IClassFixture<StudyWebApp>
{
    private const string Secretariat = "secretariat@demo.smartcities.local";

    [Fact]
    public async Task The_cli_and_the_api_return_the_same_indicator_document_byte_for_byte()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateBrowserClient();
        using var response = await client.GetAsync(new Uri("/api/v1/editions/2017/indicators", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsByteArrayAsync(ct);

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await StudyCli.RunAsync(["indicators", "--edition", "2017", "--format", "json"], output, error, app.Database.ConfigurationValues);
        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error.ToString());
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(output.ToString()), body);

        using var json = JsonDocument.Parse(body);
        Assert.Equal(20, json.RootElement.GetProperty("respondents").GetInt32());
        var first = json.RootElement.GetProperty("indicators")[0];
        Assert.Equal("ss_strategy", first.GetProperty("id").GetString());
        Assert.Equal("75.0", first.GetProperty("percent").GetRawText());
    }

    [Fact]
    public async Task The_cli_csv_and_table_formats_say_x_of_n()
    {
        using var started = app.CreateClient(); // the app seeds the demo data when it starts; the CLI alone would not
        using var csv = new StringWriter();
        Assert.Equal(0, await StudyCli.RunAsync(["indicators", "--edition", "2017", "--format", "csv"], csv, TextWriter.Null, app.Database.ConfigurationValues));
        Assert.StartsWith("indicator,kind,group_type,group,option,numerator,denominator,percent,missing,n,mean,median,lower_quartile,upper_quartile\r\nss_strategy,share,,,,15,20,75.0,0,,,,,\r\n", csv.ToString(), StringComparison.Ordinal);
        Assert.Contains("investment_factors,choice,,,geographic_position,5,19,26.3,,,,,,", csv.ToString(), StringComparison.Ordinal);

        using var table = new StringWriter();
        Assert.Equal(0, await StudyCli.RunAsync(["indicators", "--edition", "2017", "--format", "table"], table, TextWriter.Null, app.Database.ConfigurationValues));
        Assert.Contains("15 of 20 (75.0%)", table.ToString(), StringComparison.Ordinal);
        Assert.Contains("mean 30.0", table.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_edition_is_one_error_line_in_the_cli_and_a_404_problem_in_the_api()
    {
        using var error = new StringWriter();
        Assert.Equal(1, await StudyCli.RunAsync(["indicators", "--edition", "1999"], TextWriter.Null, error, app.Database.ConfigurationValues));
        Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));

        using var client = app.CreateBrowserClient();
        using var response = await client.GetAsync(new Uri("/api/v1/editions/1999/indicators", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("1999", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_readers_see_only_published_editions()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateBrowserClient();
        using var open = await client.GetAsync(new Uri($"/api/v1/editions/{DemoDataSeeder.NextEditionCode}/indicators", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);

        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/editions", UriKind.Relative), ct));
        var editions = list.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("code").GetString()!);
        Assert.Equal(["2019", "2017", "2012"], editions.Keys);
        Assert.Equal(24, editions["2019"].GetProperty("respondents").GetInt32());
        Assert.Equal("published", editions["2017"].GetProperty("status").GetString());
        Assert.Equal("ECONOMY", editions["2017"].GetProperty("theme").GetString());
    }

    [Fact]
    public async Task The_secretariat_can_read_the_open_edition()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateBrowserClient();
        using var signIn = await FormPost.SignInAsync(client, Secretariat, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var response = await client.GetAsync(new Uri($"/api/v1/editions/{DemoDataSeeder.NextEditionCode}/indicators", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal(0, json.RootElement.GetProperty("respondents").GetInt32()); // a draft and a submitted response only

        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/editions", UriKind.Relative), ct));
        Assert.Contains(list.RootElement.EnumerateArray(), e => e.GetProperty("code").GetString() == DemoDataSeeder.NextEditionCode);
    }

    [Fact]
    public async Task Readers_download_the_approved_answers_of_a_published_edition_as_csv_but_not_of_an_open_one()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateBrowserClient();
        using var published = await client.GetAsync(new Uri("/api/v1/editions/2017/responses.csv", UriKind.Relative), ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("text/csv", published.Content.Headers.ContentType?.MediaType);
        var lines = (await published.Content.ReadAsStringAsync(ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(21, lines.Length);
        Assert.DoesNotContain("@", string.Join('\n', lines), StringComparison.Ordinal); // no e-mail addresses, no personal data

        using var open = await client.GetAsync(new Uri("/api/v1/editions/2026/responses.csv", UriKind.Relative), ct);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, open.StatusCode);

        var file = Path.Combine(Path.GetTempPath(), $"scs-export-{Guid.NewGuid():N}.csv");
        using var output = new StringWriter();
        Assert.Equal(0, await StudyCli.RunAsync(["export", "responses", "--edition", "2017", "--format", "csv", "--out", file], output, TextWriter.Null, app.Database.ConfigurationValues));
        Assert.Contains("Wrote 20 approved response(s)", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(lines, File.ReadAllText(file).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Readers_download_the_approved_answers_as_a_workbook_and_the_cli_writes_the_same()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateBrowserClient();
        using var published = await client.GetAsync(new Uri("/api/v1/editions/2017/responses.xlsx", UriKind.Relative), ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", published.Content.Headers.ContentType?.MediaType);
        Assert.Contains("smart-cities-study-2017-responses.xlsx", published.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var bytes = await published.Content.ReadAsByteArrayAsync(ct);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]); // a ZIP package

        using var open = await client.GetAsync(new Uri("/api/v1/editions/2026/responses.xlsx", UriKind.Relative), ct);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, open.StatusCode);

        var file = Path.Combine(Path.GetTempPath(), $"scs-export-{Guid.NewGuid():N}.xlsx");
        using var output = new StringWriter();
        Assert.Equal(0, await StudyCli.RunAsync(["export", "responses", "--edition", "2017", "--format", "xlsx", "--out", file], output, TextWriter.Null, app.Database.ConfigurationValues));
        Assert.Contains("Wrote 20 approved response(s)", output.ToString(), StringComparison.Ordinal);
        using var zip = new System.IO.Compression.ZipArchive(File.OpenRead(file));
        Assert.NotNull(zip.GetEntry("xl/worksheets/sheet1.xml"));
    }

    [Fact]
    public async Task Trends_and_factors_follow_figures_across_the_published_editions()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateClient();
        using var trendsJson = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/trends", UriKind.Relative), ct));
        var trends = trendsJson.RootElement.EnumerateArray().ToList();
        Assert.True(trends.Count >= 10, $"{trends.Count} trends");
        Assert.All(trends, t =>
        {
            Assert.Equal(["id", "label", "editions"], t.EnumerateObject().Select(p => p.Name));
            var editions = t.GetProperty("editions").EnumerateArray().ToList();
            Assert.True(editions.Count >= 2);
            Assert.All(editions, e => Assert.Equal(["edition", "numerator", "denominator", "percent"], e.EnumerateObject().Select(p => p.Name)));
        });
        var incubators = trends.Single(t => t.GetProperty("id").GetString() == "incubation_spaces"); // 2012 business_incubators, sameAs
        Assert.Equal(["2012", "2017"], incubators.GetProperty("editions").EnumerateArray().Select(e => e.GetProperty("edition").GetString()));

        using var factorsJson = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/factors", UriKind.Relative), ct));
        var barriers = factorsJson.RootElement.GetProperty("barriers").EnumerateArray().ToList();
        var facilitators = factorsJson.RootElement.GetProperty("facilitators").EnumerateArray().ToList();
        Assert.True(barriers.Count + facilitators.Count >= 4, $"{barriers.Count} barriers, {facilitators.Count} facilitators");
        Assert.All(barriers.Concat(facilitators), f => Assert.Equal(["concept", "label", "editions"], f.EnumerateObject().Select(p => p.Name)));
        var legal = barriers.Single(b => b.GetProperty("concept").GetString() == "outdated_legal_framework");
        Assert.Equal(["2012", "2017", "2019"], legal.GetProperty("editions").EnumerateArray().Select(e => e.GetProperty("edition").GetString()));
    }

    [Fact]
    public async Task An_indicator_asked_in_several_published_editions_has_a_trend_with_each_edition_s_x_of_n()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateClient();
        using var shared = await client.GetAsync(new Uri("/api/v1/indicators/open_data_portal/trend", UriKind.Relative), ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, shared.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await shared.Content.ReadAsStringAsync(ct));
        var points = json.RootElement.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(["2012", "2017", "2019"], points.Select(p => p.GetProperty("edition").GetString()));
        Assert.All(points, p => Assert.True(p.GetProperty("indicator").GetProperty("denominator").GetInt32() > 0));

        // 2026 repeats ss_strategy but is not published: readers see 2017 only.
        using var single = await client.GetAsync(new Uri("/api/v1/indicators/ss_strategy/trend", UriKind.Relative), ct);
        using var one = System.Text.Json.JsonDocument.Parse(await single.Content.ReadAsStringAsync(ct));
        Assert.Equal("2017", Assert.Single(one.RootElement.GetProperty("points").EnumerateArray()).GetProperty("edition").GetString());

        using var unknown = await client.GetAsync(new Uri("/api/v1/indicators/smart_toasters/trend", UriKind.Relative), ct);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
