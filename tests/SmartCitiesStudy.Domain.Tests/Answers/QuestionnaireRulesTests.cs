using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Tests.Questionnaires;

namespace SmartCitiesStudy.Domain.Tests.Answers;

public sealed class QuestionnaireRulesTests
{
    private readonly QuestionnaireRules _rules = new(SampleQuestionnaire.Create());

    private Question Q(string code) => _rules.Definition.Find(code)!;

    private static Dictionary<string, AnswerValue> Answers(params (string Path, AnswerValue Value)[] answers) =>
        answers.ToDictionary(a => a.Path, a => a.Value);

    [Fact]
    public void A_conditional_question_is_shown_only_while_its_parent_matches()
    {
        Assert.False(_rules.IsShown(Q("ss_formalised"), Answers()));
        Assert.False(_rules.IsShown(Q("ss_formalised"), Answers(("ss_strategy", AnswerValue.No))));
        Assert.True(_rules.IsShown(Q("ss_formalised"), Answers(("ss_strategy", AnswerValue.Yes))));
    }

    [Fact]
    public void Conditions_chain_a_grandchild_disappears_with_its_grandparent()
    {
        var answers = Answers(("ss_strategy", AnswerValue.Yes), ("ss_formalised", AnswerValue.Yes));
        Assert.True(_rules.IsShown(Q("ss_document"), answers));
        answers["ss_strategy"] = AnswerValue.No; // the formalised answer is still stored, but hidden
        Assert.False(_rules.IsShown(Q("ss_document"), answers));
    }

    [Fact]
    public void Choice_conditions_use_any_of()
    {
        Assert.True(_rules.IsShown(Q("tourism_share"), Answers(("main_sector", AnswerValue.OfChoice("tourism")))));
        Assert.False(_rules.IsShown(Q("tourism_share"), Answers(("main_sector", AnswerValue.OfChoice("ict")))));
    }

    [Theory]
    [InlineData("-1", AnswerProblemCodes.BelowMin)]
    [InlineData("100.5", AnswerProblemCodes.AboveMax)]
    [InlineData("30.25", AnswerProblemCodes.TooManyDecimals)]
    public void Numbers_outside_their_limits_are_refused(string number, string code)
    {
        var value = AnswerValue.OfNumber(decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture));
        var problem = Assert.Single(QuestionnaireRules.ValidateValue(Q("university_share_25_30"), "university_share_25_30", value));
        Assert.Equal(code, problem.Code);
        Assert.Contains(number, problem.Message, StringComparison.Ordinal);
        Assert.False(QuestionnaireRules.IsAnswered(Q("university_share_25_30"), value));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("30.5")]
    [InlineData("100")]
    public void Numbers_on_the_limits_are_accepted(string number) =>
        Assert.Empty(QuestionnaireRules.ValidateValue(Q("university_share_25_30"), "x", AnswerValue.OfNumber(decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture))));

    [Theory]
    [InlineData("https://www.bilbao.eus", true)]
    [InlineData("http://porto.pt/innovation", true)]
    [InlineData("www.bilbao.eus", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("ftp://files.example.org", false)]
    public void Urls_must_be_web_addresses(string url, bool ok) =>
        Assert.Equal(ok, QuestionnaireRules.ValidateValue(Q("talent_site"), "talent_site", AnswerValue.OfText(url)).Count == 0);

    [Fact]
    public void Text_longer_than_allowed_is_refused_saying_by_how_much()
    {
        var problem = Assert.Single(QuestionnaireRules.ValidateValue(Q("talent_notes"), "talent_notes", AnswerValue.OfText(new string('a', 51))));
        Assert.Equal(AnswerProblemCodes.TooLong, problem.Code);
        Assert.Contains("51", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Choices_must_be_known_options_other_needs_its_text_and_max_choices_holds()
    {
        var q = Q("investment_factors");
        Assert.Empty(QuestionnaireRules.ValidateValue(q, "f", AnswerValue.OfChoices(["qualified_human_capital", "other"], "Port")));
        Assert.Equal(AnswerProblemCodes.UnknownOption, Assert.Single(QuestionnaireRules.ValidateValue(q, "f", AnswerValue.OfChoices(["weather"]))).Code);
        Assert.Equal(AnswerProblemCodes.OtherTextMissing, Assert.Single(QuestionnaireRules.ValidateValue(q, "f", AnswerValue.OfChoices(["other"]))).Code);
        var four = AnswerValue.OfChoices(["qualified_human_capital", "innovation_centres", "geographic_position", "other"], "x");
        Assert.Equal(AnswerProblemCodes.TooManyChoices, Assert.Single(QuestionnaireRules.ValidateValue(q, "f", four)).Code);
        Assert.Equal(AnswerProblemCodes.OneChoiceOnly, Assert.Single(QuestionnaireRules.ValidateValue(Q("main_sector"), "m", AnswerValue.OfChoices(["ict", "tourism"]))).Code);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_is_refused()
    {
        var problem = Assert.Single(QuestionnaireRules.ValidateValue(Q("ss_strategy"), "ss_strategy", AnswerValue.OfText("yes")));
        Assert.Equal(AnswerProblemCodes.WrongType, problem.Code);
        Assert.Contains("yes/no", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Submitting_lists_the_required_questions_still_missing_only_among_those_shown()
    {
        var missing = _rules.Check(Answers(("ss_strategy", AnswerValue.No)), requireComplete: true);
        Assert.Empty(missing); // ss_formalised and ss_document are hidden: not required

        missing = _rules.Check(Answers(("ss_strategy", AnswerValue.Yes)), requireComplete: true);
        Assert.Equal("ss_formalised", Assert.Single(missing).Path);

        missing = _rules.Check(Answers(), requireComplete: true);
        Assert.Equal(AnswerProblemCodes.Required, Assert.Single(missing).Code);
    }

    [Fact]
    public void Imports_refuse_answers_to_hidden_questions_naming_the_condition()
    {
        var problems = _rules.Check(Answers(("ss_strategy", AnswerValue.No), ("ss_formalised", AnswerValue.Yes)), requireComplete: false, refuseHidden: true);
        var problem = Assert.Single(problems);
        Assert.Equal(AnswerProblemCodes.HiddenByCondition, problem.Code);
        Assert.Equal("'ss_formalised' is only asked when 'ss_strategy' is yes.", problem.Message);
    }

    [Fact]
    public void Unknown_questions_are_refused()
    {
        var problem = Assert.Single(_rules.Check(Answers(("smart_toasters", AnswerValue.Yes)), requireComplete: false));
        Assert.Equal(AnswerProblemCodes.UnknownQuestion, problem.Code);
    }

    [Fact]
    public void Group_items_each_need_their_required_fields_and_conditions_look_at_sibling_fields()
    {
        var group = Q("good_practices");
        var answers = Answers(
            ("ss_strategy", AnswerValue.No),
            ("good_practices", AnswerValue.OfItems(["item0001", "item0002"])),
            (AnswerPath.Field("good_practices", "item0001", "field"), AnswerValue.OfChoice("innovation")),
            (AnswerPath.Field("good_practices", "item0001", "title"), AnswerValue.OfText("Ruta N")),
            (AnswerPath.Field("good_practices", "item0002", "field"), AnswerValue.OfChoice("knowledge_talent")));

        var missing = _rules.Check(answers, requireComplete: true);
        Assert.Equal("good_practices/item0002/title", Assert.Single(missing).Path);

        var detail = group.Questions.Single(f => f.Code == "innovation_detail");
        Assert.True(_rules.IsShown(detail, answers, group, "item0001"));
        Assert.False(_rules.IsShown(detail, answers, group, "item0002"));
    }

    [Fact]
    public void Fields_of_an_item_that_is_not_in_the_group_are_refused_and_groups_have_a_maximum()
    {
        var answers = Answers(
            ("good_practices", AnswerValue.OfItems(["item0001"])),
            (AnswerPath.Field("good_practices", "ghost001", "title"), AnswerValue.OfText("Lost")));
        Assert.Equal(AnswerProblemCodes.InvalidItem, Assert.Single(_rules.Check(answers, requireComplete: false)).Code);

        var tooMany = AnswerValue.OfItems(["item0001", "item0002", "item0003"]);
        Assert.Equal(AnswerProblemCodes.TooManyItems, Assert.Single(QuestionnaireRules.ValidateValue(Q("good_practices"), "good_practices", tooMany)).Code);
    }

    [Fact]
    public void Progress_counts_valid_answers_among_shown_questions_per_section()
    {
        var answers = Answers(
            ("ss_strategy", AnswerValue.Yes),
            ("ss_formalised", AnswerValue.No),
            ("university_share_25_30", AnswerValue.OfNumber(250))); // invalid: not counted
        var progress = _rules.Progress(answers);
        Assert.Equal(new SectionProgress("innovation", 2, 4), progress[0]); // ss_strategy, ss_formalised, investment_factors, main_sector
        Assert.Equal(new SectionProgress("knowledge_talent", 0, 3), progress[1]);
        Assert.Equal(50, progress[0].Percent);
    }

    [Fact]
    public void Overall_completion_counts_shown_questions_across_sections_and_rounds_down()
    {
        // Shown: 4 in innovation (ss_formalised appears after yes), 3 in knowledge_talent, the group: 8; answered: 2.
        var answers = Answers(("ss_strategy", AnswerValue.Yes), ("ss_formalised", AnswerValue.No));
        Assert.Equal(25, _rules.PercentComplete(answers));
        answers["talent_notes"] = AnswerValue.OfText("x");
        Assert.Equal(37, _rules.PercentComplete(answers)); // 3 of 8 = 37.5, rounded down
    }

    [Fact]
    public void Answer_values_round_trip_through_json_invariantly()
    {
        var value = AnswerValue.OfChoices(["a", "other"], "Café");
        var json = value.ToJson();
        Assert.Equal("""{"codes":["a","other"],"other":"Café"}""", json);
        Assert.True(AnswerValue.FromJson(json).SameAs(value));
        Assert.Equal("""{"number":30.5}""", AnswerValue.OfNumber(30.5m).ToJson());
        Assert.Equal("30.5", AnswerValue.OfNumber(30.5m).Display());
    }
}
