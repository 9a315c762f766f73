using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Testing;
using UglyToad.PdfPig;

namespace SmartCitiesStudy.Cli.Tests;

public sealed class TextCommandTests
{
    private static readonly StudyUser Secretariat = StudyUser.System;

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?> configuration, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await StudyCli.RunAsync(args, output, error, configuration);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static async Task ChangeStatusAsync(TestDatabase database, EditionAction action, string? reason = null)
    {
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var version = (await services.GetRequiredService<ListEditions>().ExecuteAsync(false, TestContext.Current.CancellationToken)).Single(e => e.Code == "2017").Version;
        var result = await services.GetRequiredService<ChangeEditionStatus>().ExecuteAsync("2017", action, version, Secretariat, reason, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.Error);
    }

    [Fact]
    public async Task A_foreword_set_from_a_file_is_refused_while_published_and_printed_in_the_study_after()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var folder = Directory.CreateTempSubdirectory("scs-texts-").FullName;
        try
        {
            var markdown = Path.Combine(folder, "foreword.md");
            await File.WriteAllTextAsync(markdown, "A foreword **from the CLI**, about the 2017 study.\n", ct);
            var args = new[] { "report", "text", "set", "--edition", "2017", "--block", "foreword", "--lang", "en", "--file", markdown, "--signatory-name", "Ana Pérez", "--signatory-title", "Secretary" };

            var frozen = await RunAsync(database.ConfigurationValues, args);
            Assert.Equal(1, frozen.ExitCode);
            Assert.Contains("is published: its texts are frozen", frozen.Error, StringComparison.Ordinal);

            await ChangeStatusAsync(database, EditionAction.Reopen, "new foreword");
            var saved = await RunAsync(database.ConfigurationValues, args);
            Assert.Equal(0, saved.ExitCode);
            Assert.Contains("Saved foreword (en) of edition 2017", saved.Output, StringComparison.Ordinal);
            await ChangeStatusAsync(database, EditionAction.Publish);

            var pdf = Path.Combine(folder, "study.pdf");
            Assert.Equal(0, (await RunAsync(database.ConfigurationValues, "report", "study", "--edition", "2017", "--out", pdf)).ExitCode);
            using var document = PdfDocument.Open(pdf);
            var foreword = document.GetPages().Select(p => p.Text).First(t => t.Contains("from the CLI", StringComparison.Ordinal));
            Assert.Contains("Ana Pérez", foreword, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Export_then_import_round_trips_and_a_bad_file_saves_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await ChangeStatusAsync(database, EditionAction.Reopen, "texts");
        var folder = Directory.CreateTempSubdirectory("scs-texts-").FullName;
        try
        {
            var file = Path.Combine(folder, "texts.json");
            var exported = await RunAsync(database.ConfigurationValues, "report", "text", "export", "--edition", "2017", "--out", file);
            Assert.Equal(0, exported.ExitCode);
            var json = await File.ReadAllTextAsync(file, ct);
            Assert.Contains("\"block\": \"field:digital\"", json, StringComparison.Ordinal);

            await File.WriteAllTextAsync(file, json.Replace("Twenty cities answered the questionnaire", "Twenty cities (edited) answered the questionnaire", StringComparison.Ordinal), ct);
            var imported = await RunAsync(database.ConfigurationValues, "report", "text", "import", "--edition", "2017", "--file", file);
            Assert.Equal(0, imported.ExitCode);
            Assert.Contains("Imported 1 changed texts", imported.Output, StringComparison.Ordinal);

            await File.WriteAllTextAsync(file, """{"texts":[{"block":"cities","language":"en","markdown":"ok"},{"block":"field:atlantis","language":"fr","markdown":"non"}]}""", ct);
            var refused = await RunAsync(database.ConfigurationValues, "report", "text", "import", "--edition", "2017", "--file", file);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("error: Block 'field:atlantis' (fr)", refused.Error, StringComparison.Ordinal);
            Assert.Contains("Nothing was saved.", refused.Error, StringComparison.Ordinal);

            await RunAsync(database.ConfigurationValues, "report", "text", "export", "--edition", "2017", "--out", file);
            Assert.Contains("Twenty cities (edited)", await File.ReadAllTextAsync(file, ct), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
