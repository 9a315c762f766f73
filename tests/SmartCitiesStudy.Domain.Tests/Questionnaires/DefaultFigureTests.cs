using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Domain.Tests.Questionnaires;

public sealed class DefaultFigureTests
{
    private static string Definition(string indicator) => $$"""
        {
          "edition": "2019", "title": { "en": "T" },
          "sections": [ { "code": "a", "title": { "en": "A" }, "subsections": [ { "code": "b", "title": { "en": "B" },
            "questions": [
              { "code": "wifi", "type": "yes_no", "title": { "en": "Public Wi-Fi?", "es": "¿Wi-Fi?", "fr": "Wi-Fi ?" }{{indicator}} },
              { "code": "notes", "type": "short_text", "title": { "en": "Notes" } }
            ] } ] } ]
        }
        """;

    [Fact]
    public void A_question_without_an_indicator_gets_the_default_figure_labelled_with_its_title()
    {
        var (definition, report) = QuestionnaireJson.Parse(Definition(string.Empty));
        Assert.True(report.IsValid, string.Join('\n', report.Errors));

        var figure = definition!.Find("wifi")!.Figure;
        Assert.Equal(IndicatorKind.Share, figure!.Kind);
        Assert.Equal(new LocalizedText("Public Wi-Fi?", "¿Wi-Fi?", "Wi-Fi ?"), figure.Label);
        Assert.Null(definition.Find("notes")!.Figure);
        Assert.DoesNotContain("\"indicator\"", QuestionnaireJson.Write(definition), StringComparison.Ordinal);
    }

    [Fact]
    public void Indicator_false_opts_out_and_is_written_back()
    {
        var (definition, report) = QuestionnaireJson.Parse(Definition(", \"indicator\": false"));
        Assert.True(report.IsValid, string.Join('\n', report.Errors));

        var question = definition!.Find("wifi")!;
        Assert.True(question.Indicator!.IsOptedOut);
        Assert.Null(question.Figure);
        Assert.Contains("\"indicator\": false", QuestionnaireJson.Write(definition), StringComparison.Ordinal);
    }

    [Fact]
    public void Indicator_true_is_refused_with_its_path()
    {
        var (definition, report) = QuestionnaireJson.Parse(Definition(", \"indicator\": true"));
        Assert.Null(definition);
        Assert.Contains("indicator", Assert.Single(report.Errors).Path, StringComparison.Ordinal);
    }
}
