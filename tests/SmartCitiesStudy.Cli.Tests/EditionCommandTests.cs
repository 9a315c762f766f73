using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Cli.Tests;

public sealed class EditionCommandTests
{
    private static readonly string InAMonth = DateTime.UtcNow.Date.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly string InTwoMonths = DateTime.UtcNow.Date.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?> configuration, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await StudyCli.RunAsync(args, output, error, configuration);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static async Task<string> RefusedAsync(IReadOnlyDictionary<string, string?> configuration, params string[] args)
    {
        var result = await RunAsync(configuration, args);
        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        return lines[0];
    }

    private static void Ok((int ExitCode, string Output, string Error) result)
    {
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task An_edition_runs_from_create_to_unpublish_with_the_status_and_deadline_stored_and_audited()
    {
        await using var database = await TestDatabase.CreateAsync();
        var config = database.ConfigurationValues;

        Ok(await RunAsync(config, "edition", "create", "--code", "2027", "--title", "Smart Cities Study 2027", "--theme", "GOVERNANCE", "--from", "2019"));
        var opened = await RunAsync(config, "edition", "open", "--edition", "2027", "--deadline", InAMonth);
        Ok(opened);
        Assert.Contains($"deadline {InAMonth}", opened.Output, StringComparison.Ordinal);
        Ok(await RunAsync(config, "edition", "set-deadline", "--edition", "2027", "--date", InTwoMonths));

        var list = await RunAsync(config, "edition", "list");
        Ok(list);
        var row = list.Output.Split('\n').Single(l => l.StartsWith("2027 ", StringComparison.Ordinal));
        Assert.Contains("Smart Cities Study 2027", row, StringComparison.Ordinal);
        Assert.Contains("GOVERNANCE", row, StringComparison.Ordinal);
        Assert.Contains("open", row, StringComparison.Ordinal);
        Assert.Contains(InTwoMonths, row, StringComparison.Ordinal);
        Assert.Contains("0 (0 draft, 0 submitted, 0 returned, 0 approved)", row, StringComparison.Ordinal);
        Assert.Contains(list.Output.Split('\n'), l => l.StartsWith("2017 ", StringComparison.Ordinal) && l.Contains("published", StringComparison.Ordinal));

        Ok(await RunAsync(config, "edition", "close", "--edition", "2027"));
        var published = await RunAsync(config, "edition", "publish", "--edition", "2027");
        Ok(published);
        Assert.Contains("0 approved response(s)", published.Output, StringComparison.Ordinal);
        Ok(await RunAsync(config, "edition", "unpublish", "--edition", "2027", "--reason", "A figure must be corrected"));

        await using var db = database.CreateContext();
        var ct = TestContext.Current.CancellationToken;
        var edition = await db.Editions.SingleAsync(e => e.Code == "2027", ct);
        Assert.Equal(EditionStatus.Closed, edition.Status);
        Assert.Equal(2027, edition.Year);
        Assert.Equal(1, edition.QuestionnaireVersion);
        Assert.Equal(DateOnly.ParseExact(InTwoMonths, "yyyy-MM-dd", CultureInfo.InvariantCulture), edition.Deadline);
        var audit = await db.AuditEntries.Where(a => a.EditionId == edition.Id).OrderBy(a => a.Id).Select(a => new { a.Action, a.After, a.Reason }).ToListAsync(ct);
        Assert.Equal(
            [AuditActions.EditionCreated, AuditActions.EditionDeadlineChanged, AuditActions.EditionStatusChanged, AuditActions.EditionDeadlineChanged,
             AuditActions.EditionStatusChanged, AuditActions.EditionStatusChanged, AuditActions.EditionStatusChanged],
            audit.Select(a => a.Action));
        Assert.Equal("A figure must be corrected", audit[^1].Reason);
    }

    [Fact]
    public async Task Refusals_are_one_line_naming_the_edition_and_why()
    {
        await using var database = await TestDatabase.CreateAsync();
        var config = database.ConfigurationValues;

        Assert.Contains("'2017' already exists", await RefusedAsync(config, "edition", "create", "--code", "2017", "--title", "Again", "--theme", "ECONOMY"), StringComparison.Ordinal);
        Assert.Contains("'1999' has no questionnaire", await RefusedAsync(config, "edition", "create", "--code", "2028", "--title", "T", "--theme", "X", "--from", "1999"), StringComparison.Ordinal);
        Assert.Contains("must be 1–16 characters", await RefusedAsync(config, "edition", "create", "--code", "20 28", "--title", "T", "--theme", "X"), StringComparison.Ordinal);

        Ok(await RunAsync(config, "edition", "create", "--code", "2028", "--title", "Smart Cities Study 2028", "--theme", "CLIMATE"));
        Assert.Equal(
            "error: Edition 2028 has no questionnaire yet: import or copy one before opening it.",
            await RefusedAsync(config, "edition", "open", "--edition", "2028"));
        Assert.Equal(
            "error: edition 2028 is draft; only open editions can be closed.",
            await RefusedAsync(config, "edition", "close", "--edition", "2028"));
        Assert.Equal(
            "error: edition 2028 is draft; only closed editions can be published.",
            await RefusedAsync(config, "edition", "publish", "--edition", "2028"));
        Assert.Equal(
            "error: unpublishing edition 2017 needs a reason (--reason).",
            await RefusedAsync(config, "edition", "unpublish", "--edition", "2017"));
        Assert.Equal(
            "error: edition 2028 is draft, not published: there is nothing to unpublish.",
            await RefusedAsync(config, "edition", "unpublish", "--edition", "2028", "--reason", "x"));
        Assert.Contains("is already past", await RefusedAsync(config, "edition", "set-deadline", "--edition", "2028", "--date", "2020-01-31"), StringComparison.Ordinal);
        Assert.Equal(
            "error: edition 2028: --date '1/2/2027' is not a date in the form yyyy-MM-dd.",
            await RefusedAsync(config, "edition", "set-deadline", "--edition", "2028", "--date", "1/2/2027"));
        Assert.Equal(
            "error: Edition 2017 is published: its deadline can no longer change. Reopen it first.",
            await RefusedAsync(config, "edition", "set-deadline", "--edition", "2017", "--date", InAMonth));
        Assert.Equal(
            "error: there is no edition '1999'. `edition list` shows the editions.",
            await RefusedAsync(config, "edition", "close", "--edition", "1999"));

        await using var db = database.CreateContext();
        var draft = await db.Editions.SingleAsync(e => e.Code == "2028", TestContext.Current.CancellationToken);
        Assert.Equal(EditionStatus.Draft, draft.Status);
        Assert.Null(draft.Deadline);
        Assert.Equal(0, draft.QuestionnaireVersion);
    }

    [Fact]
    public async Task Opening_with_a_past_deadline_opens_nothing_and_a_closed_edition_reopens_only_with_a_reason()
    {
        await using var database = await TestDatabase.CreateAsync();
        var config = database.ConfigurationValues;
        Ok(await RunAsync(config, "edition", "create", "--code", "2029", "--title", "Smart Cities Study 2029", "--theme", "ECONOMY", "--from", "2017"));

        Assert.Contains("2020-01-01 is already past", await RefusedAsync(config, "edition", "open", "--edition", "2029", "--deadline", "2020-01-01"), StringComparison.Ordinal);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(EditionStatus.Draft, (await db.Editions.SingleAsync(e => e.Code == "2029", TestContext.Current.CancellationToken)).Status);
        }

        Ok(await RunAsync(config, "edition", "open", "--edition", "2029"));
        Ok(await RunAsync(config, "edition", "close", "--edition", "2029"));
        Assert.Equal(
            "error: edition 2029 is closed: reopening it needs a reason (--reason).",
            await RefusedAsync(config, "edition", "open", "--edition", "2029"));
        var reopened = await RunAsync(config, "edition", "open", "--edition", "2029", "--reason", "Two cities asked for more time");
        Ok(reopened);
        Assert.Contains("Edition 2029 is open for answers.", reopened.Output, StringComparison.Ordinal);
    }
}
