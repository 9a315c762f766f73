using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Cli.Tests;

public sealed class ReportCommandTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?> configuration, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await StudyCli.RunAsync(args, output, error, configuration);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Report_factsheet_writes_a_pdf_and_an_unknown_city_is_one_error_line()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await RunAsync(database.ConfigurationValues, "db", "seed-demo")).ExitCode);

        var file = Path.Combine(Path.GetTempPath(), $"scs-factsheet-{Guid.NewGuid():N}.pdf");
        try
        {
            var written = await RunAsync(database.ConfigurationValues, "report", "factsheet", "--edition", "2017", "--city", "porto", "--lang", "es", "--out", file);
            Assert.Equal(0, written.ExitCode);
            Assert.Contains("Wrote", written.Output, StringComparison.Ordinal);
            Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken))[..4]);
        }
        finally
        {
            File.Delete(file);
        }

        var unknown = await RunAsync(database.ConfigurationValues, "report", "factsheet", "--edition", "2017", "--city", "atlantis", "--out", file);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal("error: city 'atlantis' has no approved response in edition '2017'.", unknown.Error.Trim());

        var badLanguage = await RunAsync(database.ConfigurationValues, "report", "study", "--edition", "2017", "--lang", "de", "--out", file);
        Assert.Equal(2, badLanguage.ExitCode);
    }
}
