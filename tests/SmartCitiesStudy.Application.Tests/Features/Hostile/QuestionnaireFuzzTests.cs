using System.Text;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Application.Tests.Features.Hostile;

/// <summary>200 damaged versions of the 2017 questionnaire: each parses or is refused with JSON paths, never throws.</summary>
public sealed class QuestionnaireFuzzTests
{
    [Fact]
    public void Damaged_questionnaire_files_are_valid_or_refused_with_json_paths()
    {
        var valid = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "SmartCitiesStudy.Infrastructure", "Questionnaires", "2017.json"));
        Assert.NotNull(QuestionnaireJson.Parse(valid).Definition);
        var mutator = new Mutator(seed: 4);
        var (accepted, refused) = (0, 0);
        for (var i = 0; i < 200; i++)
        {
            var json = Encoding.UTF8.GetString(mutator.Mutate(valid));
            var (definition, report) = QuestionnaireJson.Parse(json);
            if (definition is not null)
            {
                Assert.Empty(report.Errors);
                accepted++;
                continue;
            }

            refused++;
            Assert.NotEmpty(report.Errors);
            Assert.All(report.Errors, e => Assert.True(e.Path.StartsWith('$') && e.Message.Length > 0, $"version {i}: {e}"));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"questionnaires: {accepted} accepted, {refused} refused");
        Assert.True(refused > 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"a string\"")]
    [InlineData("{\"sections\": 12}")]
    [InlineData("{\"edition\": {\"nested\": true}}")]
    [InlineData("\uFEFF{}")]
    [InlineData("{\"sections\": [null]}")]
    [InlineData("{\"sections\": [{\"questions\": [null, 1, \"x\"]}]}")]
    public void Wrong_shapes_are_refused_with_a_path(string json)
    {
        var (definition, report) = QuestionnaireJson.Parse(json);
        Assert.Null(definition);
        Assert.All(report.Errors, e => Assert.StartsWith("$", e.Path, StringComparison.Ordinal));
        Assert.NotEmpty(report.Errors);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SmartCitiesStudy.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("No repository root above the test binaries.");
    }
}
