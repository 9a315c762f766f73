using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace SmartCitiesStudy.Web.Tests.Api;

/// <summary>Checks shared by the data package tests of the demo and of a production installation.</summary>
internal static class DataPackageChecks
{
    /// <summary>The package's indicators resource holds, row for row, the numbers of the API's indicator JSON.</summary>
    public static async Task IndicatorsEqualTheApiJsonAsync(HttpClient client, string edition)
    {
        var ct = TestContext.Current.CancellationToken;
        using (client)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/editions/{edition}/indicators", UriKind.Relative), ct));
            var files = Unzip(await client.GetByteArrayAsync(new Uri($"/api/v1/editions/{edition}/package.zip", UriKind.Relative), ct));
            var table = TableSchemaCheck.Parse(files["data/indicators.csv"]);

            Assert.Equal(["edition", "id", "kind", "option", "group_by", "group", "numerator", "denominator", "percent", "mean", "median"], table.Header);
            var expected = FlattenIndicators(json.RootElement).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, table.Rows.Select(r => string.Join(',', r)));
        }
    }

    /// <summary>The API's indicator JSON as the package's rows: an independent reading of the documented contract.</summary>
    private static IEnumerable<string> FlattenIndicators(JsonElement document)
    {
        var edition = document.GetProperty("edition").GetString()!;
        foreach (var indicator in document.GetProperty("indicators").EnumerateArray())
        {
            var id = indicator.GetProperty("id").GetString()!;
            var kind = indicator.GetProperty("kind").GetString()!;
            switch (kind)
            {
                case "share":
                    yield return Row(edition, id, kind, "all", "all", "all", indicator, Raw(indicator, "denominator"));
                    foreach (var group in Groups(indicator))
                    {
                        yield return Row(edition, id, kind, "all", group.By, group.Element.GetProperty("group").GetString()!, group.Element, Raw(group.Element, "denominator"));
                    }

                    break;
                case "choice":
                    foreach (var option in indicator.GetProperty("options").EnumerateArray())
                    {
                        var code = option.GetProperty("code").GetString()!;
                        yield return Row(edition, id, kind, code, "all", "all", option, Raw(indicator, "denominator"));
                        foreach (var group in Groups(option))
                        {
                            yield return Row(edition, id, kind, code, group.By, group.Element.GetProperty("group").GetString()!, group.Element, Raw(group.Element, "denominator"));
                        }
                    }

                    break;
                default:
                    yield return string.Join(',', edition, id, kind, "all", "all", "all", "", Raw(indicator, "n"), "", Raw(indicator, "mean"), Raw(indicator, "median"));
                    break;
            }
        }
    }

    private static string Row(string edition, string id, string kind, string option, string groupBy, string group, JsonElement figure, string denominator) =>
        string.Join(',', edition, id, kind, option, groupBy, group, Raw(figure, "numerator"), denominator, Raw(figure, "percent"), "", "");

    private static IEnumerable<(string By, JsonElement Element)> Groups(JsonElement figure) =>
        new[] { ("region", "byRegion"), ("population_band", "byPopulationBand") }
            .Where(g => figure.TryGetProperty(g.Item2, out _))
            .SelectMany(g => figure.GetProperty(g.Item2).EnumerateArray().Select(e => (g.Item1, e)));

    private static string Raw(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetRawText() : "";

    public static Dictionary<string, string> Unzip(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(
            e => e.FullName,
            e =>
            {
                using var reader = new StreamReader(e.Open(), Encoding.UTF8);
                return reader.ReadToEnd();
            },
            StringComparer.Ordinal);
    }
}
