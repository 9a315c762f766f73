using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Domain.Tests.Answers;

/// <summary>Which answers of an earlier edition can start this edition's (issue 18).</summary>
public sealed class AnswerCarryOverTests
{
    private static LocalizedText T(string en) => new(en);

    private static QuestionnaireDefinition Edition(string code, params Question[] questions) => new()
    {
        Edition = code,
        Title = T(code),
        Sections = [new Section { Code = "s", Title = T("S"), Subsections = [new Subsection { Code = "sub", Title = T("Sub"), Questions = questions }] }],
    };

    private static Question Choices(string code, params ChoiceOption[] options) =>
        new() { Code = code, Type = QuestionType.MultipleChoice, Title = T(code), Options = options, AllowOther = true };

    private static readonly QuestionnaireDefinition E2012 = Edition(
        "2012",
        new Question { Code = "open_data_portal", Type = QuestionType.YesNo, Title = T("Portal") },
        Choices("barriers", new("divide", T("Divide")), new("law", T("Law"))),
        new Question { Code = "budget", Type = QuestionType.Number, Title = T("Budget") });

    private static readonly QuestionnaireDefinition E2017 = Edition(
        "2017",
        new Question { Code = "portal", Type = QuestionType.YesNo, Title = T("Portal"), SameAs = "2012:open_data_portal" },
        Choices("barriers", new("digital_divide", T("Divide")) { SameAs = "2012:barriers/divide" }, new("funding", T("Funding"))),
        new Question { Code = "budget", Type = QuestionType.ShortText, Title = T("Budget") });

    private static IReadOnlyList<CarriedAnswer> Plan(Dictionary<string, AnswerValue> answers, params string[] answered) =>
        AnswerCarryOver.Plan(EditionLinks.Build([E2012, E2017]), E2012, answers, E2017, answered.ToHashSet());

    [Fact]
    public void Linked_questions_and_options_carry_their_answers_under_this_edition_s_codes()
    {
        var carried = Plan(new()
        {
            ["open_data_portal"] = AnswerValue.Yes,
            ["barriers"] = AnswerValue.OfChoices(["divide", "other"], "Skills"),
        });

        Assert.Equal([("s", "portal"), ("s", "barriers")], carried.Select(c => (c.SectionCode, c.Path)));
        Assert.True(carried[0].Value.SameAs(AnswerValue.Yes));
        Assert.True(carried[1].Value.SameAs(AnswerValue.OfChoices(["digital_divide", "other"], "Skills")));
    }

    [Fact]
    public void A_choice_with_an_option_that_has_no_counterpart_a_changed_type_or_a_given_answer_is_not_carried()
    {
        var carried = Plan(
            new()
            {
                ["open_data_portal"] = AnswerValue.No,
                ["barriers"] = AnswerValue.OfChoices(["divide", "law"]), // "law" has no counterpart in 2017
                ["budget"] = AnswerValue.OfNumber(10), // a number then, a text now
            },
            "portal");

        Assert.Empty(carried);
    }
}
