using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Domain.Tests.Questionnaires;

public sealed class QuestionnaireJsonTests
{
    [Fact]
    public void Writing_then_reading_gives_back_the_same_definition()
    {
        var json = QuestionnaireJson.Write(SampleQuestionnaire.Create());
        var (parsed, report) = QuestionnaireJson.Parse(json);

        Assert.True(report.IsValid, string.Join('\n', report.Errors));
        Assert.NotNull(parsed);
        Assert.Equal(json, QuestionnaireJson.Write(parsed));
    }

    [Fact]
    public void The_written_format_uses_the_documented_names_and_leaves_out_empty_and_default_values()
    {
        var json = QuestionnaireJson.Write(SampleQuestionnaire.Create());
        Assert.Contains("\"type\": \"yes_no\"", json, StringComparison.Ordinal);
        Assert.Contains("\"showWhen\": {", json, StringComparison.Ordinal);
        Assert.Contains("\"equals\": \"yes\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"share\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"options\": []", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"required\": false", json, StringComparison.Ordinal);
        Assert.DoesNotContain("EffectiveMaxLength", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("acceptedValues", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal); // e.g. "anyOf": null next to "equals"
    }

    [Fact]
    public void An_unknown_property_is_named_with_its_path()
    {
        var json = """{ "edition": "2017", "title": { "en": "T" }, "sections": [ { "code": "a", "title": { "en": "A" }, "colour": "red" } ] }""";
        var (definition, report) = QuestionnaireJson.Parse(json);
        Assert.Null(definition);
        var problem = Assert.Single(report.Errors);
        Assert.Equal("$.sections[0].colour", problem.Path);
    }

    [Fact]
    public void A_wrong_question_type_is_named_with_its_path_and_line()
    {
        var json = """
            {
              "edition": "2017", "title": { "en": "T" },
              "sections": [ { "code": "a", "title": { "en": "A" }, "subsections": [ { "code": "b", "title": { "en": "B" },
                "questions": [ { "code": "q", "type": "boolean", "title": { "en": "Q" } } ] } ] } ]
            }
            """;
        var (_, report) = QuestionnaireJson.Parse(json);
        var problem = Assert.Single(report.Errors);
        Assert.Equal("$.sections[0].subsections[0].questions[0].type", problem.Path);
        Assert.Contains("line 4", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_property_is_reported()
    {
        var (_, report) = QuestionnaireJson.Parse("""{ "title": { "en": "T" } }""");
        Assert.Contains("edition", Assert.Single(report.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{ \"edition\": ")]
    [InlineData("[1, 2]")]
    public void Broken_files_are_refused_with_a_message(string json)
    {
        var (definition, report) = QuestionnaireJson.Parse(json);
        Assert.Null(definition);
        Assert.NotEmpty(Assert.Single(report.Errors).Message);
    }
}
