using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Domain.Tests.Questionnaires;

public sealed class SameAsFormatTests
{
    private static string Definition(string questionSameAs, string optionSameAs) => $$"""
        {
          "edition": "2019", "title": { "en": "T" },
          "sections": [ { "code": "a", "title": { "en": "A" }, "subsections": [ { "code": "b", "title": { "en": "B" },
            "questions": [
              { "code": "open_data_portal", "type": "yes_no", "title": { "en": "Portal?" }, "sameAs": {{questionSameAs}} },
              { "code": "barriers", "type": "multiple_choice", "title": { "en": "Barriers" },
                "options": [
                  { "code": "funding", "title": { "en": "Funding" }, "sameAs": {{optionSameAs}} },
                  { "code": "skills", "title": { "en": "Skills" } }
                ] }
            ] } ] } ]
        }
        """;

    [Fact]
    public void Links_on_questions_and_options_are_read_and_written_back()
    {
        var (definition, report) = QuestionnaireJson.Parse(Definition("\"2017:open_data_portal\"", "\"2017:economy_barriers/lack_of_funding\""));

        Assert.True(report.IsValid, string.Join('\n', report.Errors));
        Assert.NotNull(definition);
        Assert.Equal("2017:open_data_portal", definition.Find("open_data_portal")!.SameAs);
        var options = definition.Find("barriers")!.Options;
        Assert.Equal("2017:economy_barriers/lack_of_funding", options[0].SameAs);
        Assert.Null(options[1].SameAs);

        var json = QuestionnaireJson.Write(definition);
        Assert.Contains("\"sameAs\": \"2017:open_data_portal\"", json, StringComparison.Ordinal);
        Assert.Contains("\"sameAs\": \"2017:economy_barriers/lack_of_funding\"", json, StringComparison.Ordinal);
        Assert.Equal(2, json.Split("\"sameAs\"").Length - 1);
        Assert.Equal(json, QuestionnaireJson.Write(QuestionnaireJson.Parse(json).Definition!));
    }

    [Theory]
    [InlineData("\"open_data_portal\"", "null", "$.sections[0].subsections[0].questions[0].sameAs")]
    [InlineData("\"2017:open_data_portal/yes\"", "null", "$.sections[0].subsections[0].questions[0].sameAs")]
    [InlineData("\"2017:Open Data\"", "null", "$.sections[0].subsections[0].questions[0].sameAs")]
    [InlineData("null", "\"2017:economy_barriers\"", "$.sections[0].subsections[0].questions[1].options[0].sameAs")]
    [InlineData("null", "\"lack_of_funding\"", "$.sections[0].subsections[0].questions[1].options[0].sameAs")]
    public void A_malformed_link_is_named_with_its_path(string questionSameAs, string optionSameAs, string path)
    {
        var (definition, report) = QuestionnaireJson.Parse(Definition(questionSameAs, optionSameAs));

        Assert.Null(definition);
        var problem = Assert.Single(report.Errors);
        Assert.Equal(path, problem.Path);
        Assert.Contains("sameAs", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2017:open_data_portal", "2017", "open_data_portal", null)]
    [InlineData("2012-b:barriers/lack_of_funding", "2012-b", "barriers", "lack_of_funding")]
    public void A_link_names_its_edition_question_and_option(string value, string edition, string question, string? option)
    {
        Assert.True(SameAsLink.TryParse(value, out var link));
        Assert.Equal(new SameAsLink(edition, question, option), link);
        Assert.Equal(value, link.ToString());
    }
}
