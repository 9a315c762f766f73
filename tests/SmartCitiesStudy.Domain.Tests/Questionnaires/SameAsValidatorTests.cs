using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Domain.Tests.Questionnaires;

public sealed class SameAsValidatorTests
{
    private static LocalizedText T(string en) => new(en);

    private static QuestionnaireDefinition Edition(string code, params Question[] questions) => new()
    {
        Edition = code,
        Title = T(code),
        Sections = [new Section { Code = "s", Title = T("S"), Subsections = [new Subsection { Code = "sub", Title = T("Sub"), Questions = questions }] }],
    };

    private static Question Barriers(string code, params ChoiceOption[] options) =>
        new() { Code = code, Type = QuestionType.MultipleChoice, Title = T(code), Options = options };

    private static readonly QuestionnaireDefinition E2017 = Edition(
        "2017",
        new Question { Code = "open_data_portal", Type = QuestionType.YesNo, Title = T("Portal") },
        Barriers("digital_barriers", new("digital_divide", T("Divide")), new("funding", T("Funding"))));

    private static IReadOnlyList<DefinitionProblem> Problems(params Question[] questions) =>
        SameAsValidator.Validate(Edition("2019", questions), new Dictionary<string, QuestionnaireDefinition> { ["2017"] = E2017 });

    [Fact]
    public void Links_to_an_existing_question_and_option_of_the_same_type_are_fine()
    {
        Assert.Empty(Problems(
            new Question { Code = "portal", Type = QuestionType.YesNo, Title = T("Portal"), SameAs = "2017:open_data_portal" },
            Barriers("barriers", new("divide", T("Divide")) { SameAs = "2017:digital_barriers/digital_divide" }, new("other_thing", T("x")))));
    }

    [Theory]
    [InlineData("2016:open_data_portal", "no edition '2016'")]
    [InlineData("2017:no_such_question", "has no question 'no_such_question'")]
    [InlineData("2017:digital_barriers", "is multiple_choice in 2017, this question is yes_no")]
    [InlineData("2019:portal", "same edition")]
    public void A_question_link_names_what_is_wrong(string link, string message)
    {
        var problem = Assert.Single(Problems(new Question { Code = "portal", Type = QuestionType.YesNo, Title = T("Portal"), SameAs = link }));
        Assert.Equal("$.sections[0].subsections[0].questions[0].sameAs", problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2017:digital_barriers/no_such_option", "has no option 'no_such_option'")]
    [InlineData("2017:open_data_portal/yes", "not a choice question")]
    public void An_option_link_names_what_is_wrong(string link, string message)
    {
        var problem = Assert.Single(Problems(Barriers("barriers", new("divide", T("Divide")) { SameAs = link }, new("b", T("B")))));
        Assert.Equal("$.sections[0].subsections[0].questions[0].options[0].sameAs", problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_names_the_question_or_option_and_the_target()
    {
        var question = Assert.Single(Problems(new Question { Code = "portal", Type = QuestionType.YesNo, Title = T("Portal"), SameAs = "2017:no_such_question" }));
        Assert.Equal("Question 'portal': sameAs '2017:no_such_question': edition 2017 has no question 'no_such_question'.", question.Message);

        var option = Assert.Single(Problems(Barriers("barriers", new("divide", T("Divide")) { SameAs = "2017:digital_barriers/gap" }, new("b", T("B")))));
        Assert.Equal("Option 'divide' of question 'barriers': sameAs '2017:digital_barriers/gap': 'digital_barriers' in 2017 has no option 'gap'.", option.Message);
    }

    [Fact]
    public void Links_join_editions_both_ways_through_a_third_and_by_code()
    {
        var e2012 = Edition("2012", new Question { Code = "open_data_portal", Type = QuestionType.YesNo, Title = T("P") }, Barriers("gov_barriers", new("divide", T("D")), new("law", T("L"))));
        var e2019 = Edition(
            "2019",
            new Question { Code = "open_data_portal", Type = QuestionType.YesNo, Title = T("P") },
            Barriers("og_barriers", new("divide", T("D")) { SameAs = "2017:digital_barriers/digital_divide" }, new("law", T("L"))));
        var e2017 = Edition("2017", Barriers("digital_barriers", new("digital_divide", T("D")) { SameAs = "2012:gov_barriers/divide" }, new("funding", T("F"))));

        var links = EditionLinks.Build([e2012, e2017, e2019]);

        Assert.Equal(links.Concept("2012", "open_data_portal"), links.Concept("2019", "open_data_portal"));
        Assert.Equal(links.Concept("2012", "gov_barriers", "divide"), links.Concept("2019", "og_barriers", "divide"));
        Assert.NotEqual(links.Concept("2012", "gov_barriers", "law"), links.Concept("2019", "og_barriers", "law"));
    }
}
