using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Cli.Tests;

public sealed class ExportCommandTests
{
    private static async Task<string> HeaderAsync(IReadOnlyDictionary<string, string?> configuration, params string[] extra)
    {
        var file = Path.Combine(Path.GetTempPath(), $"scs-cli-export-{Guid.NewGuid():N}.csv");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await StudyCli.RunAsync(["export", "responses", "--edition", "2017", "--format", "csv", "--out", file, .. extra], output, error, configuration);
        Assert.True(exitCode == 0, error.ToString());
        return File.ReadAllText(file).TrimStart('\uFEFF').Split("\r\n")[0];
    }

    [Fact]
    public async Task Export_responses_leaves_other_texts_out_like_the_open_data_api_unless_asked()
    {
        await using var database = await TestDatabase.CreateAsync();

        var open = await HeaderAsync(database.ConfigurationValues);
        Assert.DoesNotContain("_other", open, StringComparison.Ordinal);
        Assert.Contains(",investment_factors,", open, StringComparison.Ordinal);

        var withTexts = await HeaderAsync(database.ConfigurationValues, "--other-texts");
        Assert.Contains(",investment_factors,investment_factors_other,", withTexts, StringComparison.Ordinal);
    }
}
