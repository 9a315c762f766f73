using SmartCitiesStudy.Infrastructure.Questionnaires;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Cli.Tests;

public sealed class QuestionnaireCommandTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?> configuration, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await StudyCli.RunAsync(args, output, error, configuration);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string TempFile(string content, string extension = ".json")
    {
        var path = Path.Combine(Path.GetTempPath(), "scs-cli-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(path, content);
        return path;
    }

    [Theory]
    [InlineData("2012")]
    [InlineData("2017")]
    [InlineData("2019")]
    public async Task Validate_accepts_the_shipped_questionnaires_without_a_database(string edition)
    {
        var file = TempFile(ShippedQuestionnaires.Read(edition)!);
        var result = await RunAsync(new Dictionary<string, string?>(), "questionnaire", "validate", "--file", file);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"Valid: edition {edition}", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_lists_every_problem_with_its_path()
    {
        var file = TempFile("""
            { "edition": "2017", "title": { "en": "T" }, "sections": [ { "code": "Bad", "title": { "en": "" },
              "subsections": [ { "code": "s", "title": { "en": "S" }, "questions": [
                { "code": "a", "type": "yes_no", "title": { "en": "A" }, "showWhen": { "question": "zzz", "equals": "yes" } } ] } ] } ] }
            """);
        var result = await RunAsync(new Dictionary<string, string?>(), "questionnaire", "validate", "--file", file);
        Assert.Equal(1, result.ExitCode);
        var errors = result.Error.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("error: $.sections[0].code:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("error: $.sections[0].title.en:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("error: $.sections[0].subsections[0].questions[0].showWhen.question:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Files_that_are_missing_or_not_utf8_are_refused_clearly()
    {
        var missing = await RunAsync(new Dictionary<string, string?>(), "questionnaire", "validate", "--file", "/nonexistent/q.json");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);

        var latin1 = Path.Combine(Path.GetTempPath(), "scs-latin1-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllBytesAsync(latin1, [0x7B, 0x22, 0x65, 0xE9, 0x22, 0x7D], TestContext.Current.CancellationToken);
        var notUtf8 = await RunAsync(new Dictionary<string, string?>(), "questionnaire", "validate", "--file", latin1);
        Assert.Equal(1, notUtf8.ExitCode);
        Assert.Contains("is not UTF-8 text", notUtf8.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_lists_the_2017_codes_and_export_then_import_into_a_new_edition_is_lossless()
    {
        await using var database = await TestDatabase.CreateAsync();
        var exported = await RunAsync(database.ConfigurationValues, "questionnaire", "export", "--edition", "2017", "--format", "json");
        Assert.Equal(0, exported.ExitCode);
        foreach (var code in new[] { "\"ss_strategy\"", "\"ss_formalised\"", "\"investment_factors\"", "\"university_share_25_30\"", "\"digital_infrastructure\"" })
        {
            Assert.Contains(code, exported.Output, StringComparison.Ordinal);
        }

        await using (var db = database.CreateContext())
        {
            db.Editions.Add(new Domain.Editions.Edition("2030", "Smart Cities Study 2030", "ECONOMY", 2030));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var file = TempFile(exported.Output.Replace("\"edition\": \"2017\"", "\"edition\": \"2030\"", StringComparison.Ordinal));
        var imported = await RunAsync(database.ConfigurationValues, "questionnaire", "import", "--edition", "2030", "--file", file);
        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("stored as questionnaire version 1", imported.Output, StringComparison.Ordinal);

        var again = await RunAsync(database.ConfigurationValues, "questionnaire", "export", "--edition", "2030");
        Assert.Equal(File.ReadAllText(file), again.Output);
    }

    [Fact]
    public async Task Import_refuses_a_sameAs_link_to_a_missing_question_naming_question_and_target()
    {
        await using var database = await TestDatabase.CreateAsync();
        var exported = await RunAsync(database.ConfigurationValues, "questionnaire", "export", "--edition", "2017", "--format", "json");
        await using (var db = database.CreateContext())
        {
            db.Editions.Add(new Domain.Editions.Edition("2030", "Smart Cities Study 2030", "ECONOMY", 2030));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var linked = exported.Output
            .Replace("\"edition\": \"2017\"", "\"edition\": \"2030\"", StringComparison.Ordinal)
            .Replace("\"code\": \"open_data_portal\",", "\"code\": \"open_data_portal\", \"sameAs\": \"2019:no_such_question\",", StringComparison.Ordinal);
        var imported = await RunAsync(database.ConfigurationValues, "questionnaire", "import", "--edition", "2030", "--file", TempFile(linked));

        Assert.Equal(1, imported.ExitCode);
        Assert.Contains("Question 'open_data_portal': sameAs '2019:no_such_question': edition 2019 has no question 'no_such_question'.", imported.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was stored.", imported.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_export_then_import_round_trips_and_a_bad_workbook_stores_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var workbook = Path.Combine(Path.GetTempPath(), "scs-cli-" + Guid.NewGuid().ToString("N") + ".xlsx");
        var exported = await RunAsync(database.ConfigurationValues, "questionnaire", "export", "--edition", "2017", "--format", "xlsx", "--out", workbook);
        Assert.Equal(0, exported.ExitCode);
        Assert.Contains("(XLSForm)", exported.Output, StringComparison.Ordinal);

        var imported = await RunAsync(database.ConfigurationValues, "questionnaire", "import", "--edition", "2017", "--file", workbook);
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Contains("the questionnaire is unchanged (version 1)", imported.Output, StringComparison.Ordinal);

        var notAWorkbook = TempFile("type,name\n", ".xlsx");
        var refused = await RunAsync(database.ConfigurationValues, "questionnaire", "import", "--edition", "2017", "--file", notAWorkbook);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("error: workbook:", refused.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was stored.", refused.Error, StringComparison.Ordinal);

        var noOut = await RunAsync(database.ConfigurationValues, "questionnaire", "export", "--edition", "2017", "--format", "xlsx");
        Assert.Equal(1, noOut.ExitCode);
    }

    [Fact]
    public async Task Import_of_a_bad_file_stores_nothing_and_says_so()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = TempFile("""{ "edition": "2017", "title": { "en": "T" }, "sections": [] }""");
        var result = await RunAsync(database.ConfigurationValues, "questionnaire", "import", "--edition", "2017", "--file", file);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Nothing was stored.", result.Error, StringComparison.Ordinal);
        var export = await RunAsync(database.ConfigurationValues, "questionnaire", "export", "--edition", "2017");
        Assert.Contains("\"ss_strategy\"", export.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_of_an_unknown_edition_fails_with_one_line()
    {
        await using var database = await TestDatabase.CreateAsync();
        var result = await RunAsync(database.ConfigurationValues, "questionnaire", "export", "--edition", "1999");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: edition '1999' has no questionnaire.", result.Error.Trim());
    }
}
