using SmartCitiesStudy.Domain.Questionnaires;
using static SmartCitiesStudy.Domain.Tests.Questionnaires.SampleQuestionnaire;

namespace SmartCitiesStudy.Domain.Tests.Questionnaires;

public sealed class DefinitionValidatorTests
{
    private static QuestionnaireDefinition WithQuestions(params Question[] questions) => Create() with
    {
        Sections =
        [
            new Section
            {
                Code = "s",
                Title = T("S"),
                Subsections = [new Subsection { Code = "sub", Title = T("Sub"), Questions = questions }],
            },
        ],
    };

    private static IReadOnlyList<DefinitionProblem> Errors(params Question[] questions) =>
        DefinitionValidator.Validate(WithQuestions(questions)).Errors;

    private static Question YesNo(string code) => new() { Code = code, Type = QuestionType.YesNo, Title = T(code) };

    [Fact]
    public void The_sample_questionnaire_is_valid_without_warnings()
    {
        var report = DefinitionValidator.Validate(Create());
        Assert.Empty(report.Errors);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Every_problem_is_listed_not_just_the_first()
    {
        var errors = Errors(YesNo("Bad Code"), YesNo("dup"), YesNo("dup"));
        Assert.Equal(2, errors.Count);
        Assert.Equal("$.sections[0].subsections[0].questions[0].code", errors[0].Path);
        Assert.Equal("$.sections[0].subsections[0].questions[2].code", errors[1].Path);
        Assert.Contains("used twice", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_translations_are_warnings_with_their_path_and_english_is_required()
    {
        var question = new Question { Code = "q", Type = QuestionType.YesNo, Title = new LocalizedText("Only English") };
        var report = DefinitionValidator.Validate(WithQuestions(question));
        Assert.Empty(report.Errors);
        Assert.Contains(report.Warnings, w => w.Path == "$.sections[0].subsections[0].questions[0].title.es");
        Assert.Contains(report.Warnings, w => w.Path == "$.sections[0].subsections[0].questions[0].title.fr");

        var noEnglish = question with { Title = new LocalizedText(null, "Solo español") };
        Assert.Contains(Errors(noEnglish), e => e.Path.EndsWith("title.en", StringComparison.Ordinal));
    }

    [Fact]
    public void Conditions_must_point_back_to_a_yes_no_or_choice_question_with_a_real_value()
    {
        Assert.Contains("not an earlier question", Assert.Single(Errors(YesNo("a") with { ShowWhen = new("b", "yes") }, YesNo("b"))).Message, StringComparison.Ordinal);
        Assert.Contains("\"yes\" or \"no\"", Assert.Single(Errors(YesNo("a"), YesNo("b") with { ShowWhen = new("a", "maybe") })).Message, StringComparison.Ordinal);
        var text = new Question { Code = "t", Type = QuestionType.ShortText, Title = T("t") };
        Assert.Contains("yes/no or choice", Assert.Single(Errors(text, YesNo("b") with { ShowWhen = new("t", "x") })).Message, StringComparison.Ordinal);
        var choice = new Question { Code = "c", Type = QuestionType.SingleChoice, Title = T("c"), Options = [new("x", T("x")), new("y", T("y"))] };
        Assert.Contains("'z' is not an option", Assert.Single(Errors(choice, YesNo("b") with { ShowWhen = new("c", null, ["z"]) })).Message, StringComparison.Ordinal);
        Assert.Contains("depend on itself", Assert.Single(Errors(YesNo("a") with { ShowWhen = new("a", "yes") })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Type_specific_rules()
    {
        var choice = new Question { Code = "c", Type = QuestionType.MultipleChoice, Title = T("c"), Options = [new("x", T("x"))] };
        Assert.Contains("at least two options", Assert.Single(Errors(choice)).Message, StringComparison.Ordinal);

        var reserved = choice with { Options = [new("x", T("x")), new("other", T("Other"))] };
        Assert.Contains("reserved", Assert.Single(Errors(reserved)).Message, StringComparison.Ordinal);

        var number = new Question { Code = "n", Type = QuestionType.Number, Title = T("n"), Min = 10, Max = 1 };
        Assert.Contains("greater than max", Assert.Single(Errors(number)).Message, StringComparison.Ordinal);

        var text = new Question { Code = "t", Type = QuestionType.ShortText, Title = T("t"), MaxLength = 9000, Min = 1 };
        Assert.Equal(2, Errors(text).Count);

        var nested = new Question { Code = "g", Type = QuestionType.Group, Title = T("g"), Questions = [new Question { Code = "h", Type = QuestionType.Group, Title = T("h"), Questions = [YesNo("x")] }] };
        Assert.Contains(Errors(nested), e => e.Message.Contains("cannot contain groups", StringComparison.Ordinal));
    }

    [Fact]
    public void Indicators_must_fit_their_question()
    {
        var wrong = YesNo("q") with { Indicator = new(IndicatorKind.Mean, T("x")) };
        Assert.Contains("does not fit", Assert.Single(Errors(wrong)).Message, StringComparison.Ordinal);
        var inGroup = new Question { Code = "g", Type = QuestionType.Group, Title = T("g"), Questions = [YesNo("x") with { Indicator = new(IndicatorKind.Share, T("x")) }] };
        Assert.Contains("top-level", Assert.Single(Errors(inGroup)).Message, StringComparison.Ordinal);
    }
}
