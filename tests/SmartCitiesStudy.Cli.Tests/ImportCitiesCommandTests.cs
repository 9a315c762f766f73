using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Cli.Tests;

public sealed class ImportCitiesCommandTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?> configuration, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await StudyCli.RunAsync(args, output, error, configuration);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string TempCsv(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), "scs-cities-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Import_cities_checks_with_dry_run_then_stores_with_populations()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = TempCsv("name,country,region,population\nBilbao,Spain,Europe,345100\nQuito,Ecuador,America,2644100\n");

        var dry = await RunAsync(database.ConfigurationValues, "import", "cities", "--file", file, "--edition", "2017", "--dry-run");
        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("2 new, 0 changed, 0 unchanged, 2 population(s). Nothing was stored (dry run).", dry.Output, StringComparison.Ordinal);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.Cities.CountAsync(TestContext.Current.CancellationToken));
        }

        var run = await RunAsync(database.ConfigurationValues, "import", "cities", "--file", file, "--edition", "2017");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Imported: 2 new, 0 changed, 0 unchanged, 2 population(s).", run.Output.Trim());
        await using (var db = database.CreateContext())
        {
            Assert.Equal(2, await db.CityPopulations.CountAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task Import_cities_lists_every_problem_and_exits_1()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = TempCsv("name,country,region\n,Spain,Europe\nX,Y,Mars\n");
        var result = await RunAsync(database.ConfigurationValues, "import", "cities", "--file", file);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: row 2, column name: The name is missing.", result.Error, StringComparison.Ordinal);
        Assert.Contains("error: row 3, column region: 'Mars' is not a region", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was stored.", result.Error, StringComparison.Ordinal);
    }
}
