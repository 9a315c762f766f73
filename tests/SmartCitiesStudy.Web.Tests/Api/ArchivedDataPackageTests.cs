using System.Text.Json;
using SmartCitiesStudy.Testing;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Api;

/// <summary>
/// A production installation after <c>db migrate</c> alone: the historical editions are archived (ADR 0013), with
/// published figures and no per-city answers, and their packages have no responses resource.
/// </summary>
public sealed class ArchivedDataPackageTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private ConfiguredWebApp? _app;

    private ConfiguredWebApp App => _app ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
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
    public Task The_indicators_resource_holds_the_published_figures_of_the_api_json() =>
        DataPackageChecks.IndicatorsEqualTheApiJsonAsync(App.CreateBrowserClient(), "2017");

    [Fact]
    public async Task An_archived_edition_has_no_responses_resource_and_its_other_resources_are_valid()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = App.CreateBrowserClient();
        foreach (var (edition, cities) in new[] { ("2017", 20), ("2019", 0) }) // 2019's publication lists no cities
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/editions/{edition}/indicators", UriKind.Relative), ct));
            Assert.Equal("published", json.RootElement.GetProperty("source").GetString());

            var files = DataPackageChecks.Unzip(await client.GetByteArrayAsync(new Uri($"/api/v1/editions/{edition}/package.zip", UriKind.Relative), ct));
            Assert.DoesNotContain("data/responses.csv", files.Keys);
            using var descriptor = JsonDocument.Parse(files["datapackage.json"]);
            Assert.Equal(["indicators", "questions", "cities"], descriptor.RootElement.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
            Assert.Empty(TableSchemaCheck.Check(descriptor.RootElement, files));
            Assert.Equal(cities, TableSchemaCheck.Parse(files["data/cities.csv"]).Rows.Count);
            Assert.Contains("no responses file", files["README.md"], StringComparison.Ordinal);
        }
    }
}
