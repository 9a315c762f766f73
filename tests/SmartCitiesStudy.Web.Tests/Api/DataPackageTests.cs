extern alias cli;

using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Web.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;
using StudyCli = cli::SmartCitiesStudy.Cli.StudyCli;

namespace SmartCitiesStudy.Web.Tests.Api;

public sealed class DataPackageTests(StudyWebApp app) : IClassFixture<StudyWebApp>
{
    [Fact]
    public async Task A_published_edition_downloads_as_a_data_package_whose_every_row_satisfies_its_table_schema()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateBrowserClient();
        using var response = await client.GetAsync(new Uri("/api/v1/editions/2017/package.zip", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("smart-cities-study-2017.zip", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.Contains("public", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var files = DataPackageChecks.Unzip(await response.Content.ReadAsByteArrayAsync(ct));

        Assert.Equal(["CITATION.cff", "README.md", "data/cities.csv", "data/indicators.csv", "data/questions.csv", "data/responses.csv", "datapackage.json"], files.Keys.Order(StringComparer.Ordinal));
        using var descriptor = JsonDocument.Parse(files["datapackage.json"]);
        var root = descriptor.RootElement;
        Assert.Equal("smart-cities-study-2017", root.GetProperty("name").GetString());
        Assert.Equal("CC-BY-4.0", root.GetProperty("licenses")[0].GetProperty("name").GetString());
        foreach (var property in new[] { "title", "version", "created", "sources", "contributors", "keywords", "description" })
        {
            Assert.True(root.TryGetProperty(property, out _), property);
        }

        Assert.Equal(["responses", "indicators", "questions", "cities"], root.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Empty(TableSchemaCheck.Check(root, files));

        var responses = TableSchemaCheck.Parse(files["data/responses.csv"]);
        Assert.Equal(20, responses.Rows.Count);
        var cities = TableSchemaCheck.Parse(files["data/cities.csv"]);
        Assert.Equal(20, cities.Rows.Count);
        var strategy = root.GetProperty("resources")[0].GetProperty("schema").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "ss_strategy");
        Assert.Equal(["yes", "no"], strategy.GetProperty("constraints").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        var percent = root.GetProperty("resources")[1].GetProperty("schema").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "percent");
        Assert.Equal(100, percent.GetProperty("constraints").GetProperty("maximum").GetInt32());

        Assert.Contains("x of N", files["README.md"], StringComparison.Ordinal);
        Assert.Contains("never a ranking", files["README.md"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_schema_check_finds_a_row_that_breaks_its_schema()
    {
        // The checker itself: a package with one bad cell, one repeated key and one dangling reference is refused.
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateBrowserClient();
        var files = DataPackageChecks.Unzip(await client.GetByteArrayAsync(new Uri("/api/v1/editions/2017/package.zip", UriKind.Relative), ct));
        using var descriptor = JsonDocument.Parse(files["datapackage.json"]);
        var broken = new Dictionary<string, string>(files)
        {
            ["data/indicators.csv"] = files["data/indicators.csv"].Replace(",75.0,", ",175.0,", StringComparison.Ordinal),
            ["data/cities.csv"] = files["data/cities.csv"].Split("\r\n")[0] + "\r\n" + string.Join("\r\n", files["data/cities.csv"].Split("\r\n").Skip(2)),
        };
        var problems = TableSchemaCheck.Check(descriptor.RootElement, broken);
        Assert.Contains(problems, p => p.Contains("above the maximum", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("has no row in cities", StringComparison.Ordinal));
    }

    [Fact]
    public Task The_indicators_resource_holds_the_numbers_of_the_api_json() => DataPackageChecks.IndicatorsEqualTheApiJsonAsync(app.CreateBrowserClient(), "2017");

    [Fact]
    public async Task The_package_holds_no_personal_data()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateBrowserClient();
        var files = DataPackageChecks.Unzip(await client.GetByteArrayAsync(new Uri("/api/v1/editions/2017/package.zip", UriKind.Relative), ct));
        var everything = string.Join('\n', files.Values);

        // The demo's officers of Bilbao and Porto answered 2017: neither their e-mail nor their name may appear.
        Assert.Contains("Bilbao", everything, StringComparison.Ordinal);
        foreach (var account in DemoAccounts.All)
        {
            Assert.DoesNotContain(account.Email, everything, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(account.DisplayName, everything, StringComparison.OrdinalIgnoreCase);
        }

        Assert.All(files.Where(f => f.Key.StartsWith("data/", StringComparison.Ordinal)), f => Assert.DoesNotContain("@", f.Value, StringComparison.Ordinal));
        Assert.DoesNotContain("_other", files["data/responses.csv"].Split("\r\n")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_citation_file_is_cff_1_2_0_with_the_organisation_as_author()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateBrowserClient();
        var files = DataPackageChecks.Unzip(await client.GetByteArrayAsync(new Uri("/api/v1/editions/2017/package.zip", UriKind.Relative), ct));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(files["CITATION.cff"]));
        var cff = (YamlMappingNode)yaml.Documents[0].RootNode;
        Assert.Equal("1.2.0", ((YamlScalarNode)cff["cff-version"]).Value);
        Assert.Equal("CC-BY-4.0", ((YamlScalarNode)cff["license"]).Value);
        Assert.Equal("http://localhost/editions/2017", ((YamlScalarNode)cff["url"]).Value);
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", ((YamlScalarNode)cff["date-released"]).Value);
        var author = (YamlMappingNode)((YamlSequenceNode)cff["authors"])[0];
        Assert.False(string.IsNullOrWhiteSpace(((YamlScalarNode)author["name"]).Value));
        foreach (var key in new[] { "title", "version", "preferred-citation" })
        {
            Assert.True(cff.Children.ContainsKey(key), key);
        }
    }

    [Fact]
    public async Task The_edition_page_offers_the_package_and_cites_the_study_as_the_package_does()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateBrowserClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/editions/2017", UriKind.Relative), ct));
        Assert.Contains("href=\"/api/v1/editions/2017/package.zip\"", html, StringComparison.Ordinal);
        Assert.Contains("Cite this study", html, StringComparison.Ordinal);

        var readme = DataPackageChecks.Unzip(await client.GetByteArrayAsync(new Uri("/api/v1/editions/2017/package.zip", UriKind.Relative), ct))["README.md"];
        var apa = readme.Split('\n').Single(l => l.StartsWith("> ", StringComparison.Ordinal))[2..];
        Assert.Contains("[Data set]. http://localhost/editions/2017", apa, StringComparison.Ordinal);
        Assert.Contains(apa, html, StringComparison.Ordinal);
        Assert.Contains("@misc{smart_cities_study_2017,", html, StringComparison.Ordinal);

        var spanish = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/editions/2017?lang=es", UriKind.Relative), ct));
        Assert.Contains("Citar este estudio", spanish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unpublished_or_unknown_edition_has_no_package_and_the_cli_refuses_it_in_one_line()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateBrowserClient();
        foreach (var edition in new[] { DemoDataSeeder.NextEditionCode, "1999" })
        {
            using var response = await client.GetAsync(new Uri($"/api/v1/editions/{edition}/package.zip", UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

            using var error = new StringWriter();
            var file = Path.Combine(Path.GetTempPath(), $"scs-package-{Guid.NewGuid():N}.zip");
            Assert.Equal(1, await StudyCli.RunAsync(["export", "package", "--edition", edition, "--out", file], TextWriter.Null, error, app.Database.ConfigurationValues));
            var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(edition, line, StringComparison.Ordinal);
            Assert.False(File.Exists(file));
        }
    }

    [Fact]
    public async Task The_cli_writes_the_same_data_as_the_api()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateBrowserClient();
        var api = DataPackageChecks.Unzip(await client.GetByteArrayAsync(new Uri("/api/v1/editions/2017/package.zip", UriKind.Relative), ct));

        var file = Path.Combine(Path.GetTempPath(), $"scs-package-{Guid.NewGuid():N}.zip");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await StudyCli.RunAsync(["export", "package", "--edition", "2017", "--out", file, "--url", "http://localhost/editions/2017"], output, error, app.Database.ConfigurationValues);
        Assert.True(exitCode == 0, error.ToString());
        Assert.Contains("20 response(s)", output.ToString(), StringComparison.Ordinal);
        var written = DataPackageChecks.Unzip(await File.ReadAllBytesAsync(file, ct));
        File.Delete(file);
        Assert.Equal(api.Keys.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, text) in api)
        {
            Assert.Equal(text, written[name]);
        }
    }
}
