using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Cli.Tests;

public sealed class ImportResponsesCommandTests
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
        var path = Path.Combine(Path.GetTempPath(), "scs-responses-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The 2017 edition is published by the reference data; imports need it back to closed.</summary>
    private static async Task<TestDatabase> ClosedEditionAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var edition = await db.Editions.SingleAsync(e => e.Code == "2017", TestContext.Current.CancellationToken);
        edition.Reopen("test: import responses", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return database;
    }

    [Fact]
    public async Task Importing_into_an_edition_shown_as_published_needs_replace_published_and_is_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await ClosedEditionAsync();
        var file = TempCsv("city,country,region,population,status,ss_strategy\nBilbao,Spain,Europe,345100,approved,yes\n");

        var refused = await RunAsync(database.ConfigurationValues, "import", "responses", "--edition", "2017", "--file", file);
        Assert.Equal(1, refused.ExitCode);
        var lines = refused.Error.Trim().Split('\n');
        Assert.Equal("error: file: Edition 2017 shows its figures as published in 2017; approved responses would replace them with computed figures. To do so, import with --replace-published (in the portal: “Replace the published figures”).", lines[0].Trim());
        Assert.Equal("Nothing was stored.", lines[^1].Trim());

        var run = await RunAsync(database.ConfigurationValues, "import", "responses", "--edition", "2017", "--file", file, "--replace-published");
        Assert.Equal(0, run.ExitCode);
        await using var db = database.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.PublishedFiguresReplaced, ct);
        Assert.Equal(("2017", "figures as published in 2017"), (entry.EntityId, entry.Before));
    }

    [Fact]
    public async Task Import_responses_checks_with_dry_run_stores_and_replaces_only_when_asked()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await ClosedEditionAsync();
        var file = TempCsv("city,country,region,population,status,ss_strategy,ss_formalised,university_share_25_30\nBilbao,Spain,Europe,345100,approved,yes,no,30.5\nQuito,Ecuador,America,,draft,no,,\n");

        var dry = await RunAsync(database.ConfigurationValues, "import", "responses", "--replace-published", "--edition", "2017", "--file", file, "--dry-run");
        Assert.Equal(0, dry.ExitCode);
        Assert.Equal("The file is valid; importing it would give: 2 new cities, 2 responses created, 0 replaced, 4 answers, 1 population(s). Nothing was stored (dry run).", dry.Output.Trim());
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.Responses.CountAsync(ct));
        }

        var run = await RunAsync(database.ConfigurationValues, "import", "responses", "--replace-published", "--edition", "2017", "--file", file);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Imported: 2 new cities, 2 responses created, 0 replaced, 4 answers, 1 population(s).", run.Output.Trim());

        var again = await RunAsync(database.ConfigurationValues, "import", "responses", "--replace-published", "--edition", "2017", "--file", file);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("error: row 2, column city: Bilbao, Spain already has a response in edition 2017 (approved)", again.Error, StringComparison.Ordinal);
        Assert.Contains("error: row 3, column city: Quito, Ecuador already has a response in edition 2017 (draft)", again.Error, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was stored.", again.Error.Trim(), StringComparison.Ordinal);

        var replaced = await RunAsync(database.ConfigurationValues, "import", "responses", "--replace-published", "--edition", "2017", "--file", file, "--replace");
        Assert.Equal(0, replaced.ExitCode);
        Assert.Equal("Imported: 0 new cities, 0 responses created, 2 replaced, 4 answers, 0 population(s).", replaced.Output.Trim());
        await using (var db = database.CreateContext())
        {
            Assert.Equal(2, await db.Responses.CountAsync(ct));
            Assert.Equal(1, await db.Responses.CountAsync(r => r.Status == ResponseStatus.Approved, ct));
        }
    }

    [Fact]
    public async Task Import_responses_lists_every_problem_and_exits_1()
    {
        await using var database = await ClosedEditionAsync();
        var file = TempCsv("city,country,region,population,status,ss_strategy,ss_formalised\nBilbao,Spain,Europe,,approved,no,yes\nVigo,Spain,Mars,,done,,\n");
        var result = await RunAsync(database.ConfigurationValues, "import", "responses", "--replace-published", "--edition", "2017", "--file", file);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
        [
            "error: row 2, column ss_formalised: Answers a question hidden because ss_strategy is \"no\" (it is asked only when ss_strategy is \"yes\").",
            "error: row 3, column region: 'Mars' is not a region; use Africa, America, Asia, Europe or Oceania.",
            "error: row 3, column status: 'done' is not a status; use draft, submitted, returned or approved.",
            "Nothing was stored.",
        ], result.Error.Trim().Split(Environment.NewLine));
        Assert.Equal(string.Empty, result.Output);

        var published = await RunAsync(database.ConfigurationValues, "import", "responses", "--edition", "2012", "--file", file);
        Assert.Equal(1, published.ExitCode);
        Assert.StartsWith("error: file: Edition 2012 is published", published.Error, StringComparison.Ordinal);

        var missing = await RunAsync(database.ConfigurationValues, "import", "responses", "--file", file);
        Assert.Equal(2, missing.ExitCode);
    }
}
