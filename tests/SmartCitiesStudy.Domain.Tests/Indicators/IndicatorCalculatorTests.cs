using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Domain.Tests.Indicators;

public sealed class IndicatorCalculatorTests
{
    private static LocalizedText T(string en) => new(en);

    private static readonly QuestionnaireDefinition Definition = new()
    {
        Edition = "2017",
        Title = T("Sample"),
        Sections =
        [
            new Section
            {
                Code = "innovation",
                Title = T("Innovation"),
                Subsections =
                [
                    new Subsection
                    {
                        Code = "main",
                        Title = T("Main"),
                        Questions =
                        [
                            new Question { Code = "ss_strategy", Type = QuestionType.YesNo, Title = T("Strategy?"), Indicator = new(IndicatorKind.Share, T("have one")) },
                            new Question { Code = "ss_formalised", Type = QuestionType.YesNo, Title = T("Formalised?"), ShowWhen = new("ss_strategy", "yes"), Indicator = new(IndicatorKind.Share, T("formalised")) },
                            new Question { Code = "no_indicator", Type = QuestionType.YesNo, Title = T("Not counted"), Indicator = IndicatorDefinition.OptedOut },
                            new Question { Code = "by_default", Type = QuestionType.YesNo, Title = T("Counted by default") },
                            new Question { Code = "free_text", Type = QuestionType.ShortText, Title = T("Never a figure") },
                            new Question
                            {
                                Code = "investment_factors", Type = QuestionType.MultipleChoice, Title = T("Factors"), AllowOther = true,
                                Options = [new("qualified_human_capital", T("Human capital")), new("innovation_centres", T("Centres")), new("geographic_position", T("Position"))],
                                Indicator = new(IndicatorKind.Choice, T("factors")),
                            },
                            new Question
                            {
                                Code = "lead", Type = QuestionType.SingleChoice, Title = T("Lead"),
                                Options = [new("mayor", T("Mayor")), new("ict", T("ICT"))],
                                Indicator = new(IndicatorKind.Choice, T("lead")),
                            },
                            new Question { Code = "university_share_25_30", Type = QuestionType.Number, Title = T("Share"), Min = 0, Max = 100, Decimals = 1, Indicator = new(IndicatorKind.Mean, T("share")) },
                        ],
                    },
                ],
            },
        ],
    };

    private static CountedResponse R(params (string Path, AnswerValue Value)[] answers) => In(Region.Europe, PopulationBand.From100KTo1M, answers);

    private static CountedResponse In(Region region, PopulationBand? band, params (string Path, AnswerValue Value)[] answers) =>
        new(region, band, answers.ToDictionary(a => a.Path, a => a.Value));

    private static (string, AnswerValue) Yes(string code) => (code, AnswerValue.Yes);

    private static (string, AnswerValue) No(string code) => (code, AnswerValue.No);

    private static IndicatorDocument Compute(params CountedResponse[] responses) => IndicatorCalculator.Compute(Definition, responses);

    private static T Get<T>(IndicatorDocument document, string id)
        where T : Indicator => Assert.IsType<T>(document.Indicators.Single(i => i.Id == id));

    [Fact]
    public void Every_yes_no_choice_and_number_question_has_a_figure_in_questionnaire_order_unless_opted_out()
    {
        var document = Compute();
        Assert.Equal("2017", document.Edition);
        Assert.Equal(["ss_strategy", "ss_formalised", "by_default", "investment_factors", "lead", "university_share_25_30"], document.Indicators.Select(i => i.Id));
        Assert.Equal(["share", "share", "share", "choice", "choice", "mean"], document.Indicators.Select(i => i.KindCode));
    }

    [Fact]
    public void With_no_respondents_every_figure_is_zero_and_percentages_are_null()
    {
        var document = Compute();
        Assert.Equal(0, document.Respondents);
        var share = Get<ShareIndicator>(document, "ss_strategy");
        Assert.Equal((0, 0, null, 0), (share.Numerator, share.Denominator, share.Percent, share.Missing));
        Assert.Empty(share.ByRegion);
        Assert.Empty(share.ByPopulationBand);
        var choice = Get<ChoiceIndicator>(document, "investment_factors");
        Assert.Equal(0, choice.Denominator);
        Assert.All(choice.Options, o => Assert.Equal((0, (decimal?)null), (o.Numerator, o.Percent)));
        var mean = Get<MeanIndicator>(document, "university_share_25_30");
        Assert.Equal((0, 0, (decimal?)null, (decimal?)null), (mean.N, mean.Missing, mean.Mean, mean.Median));
    }

    [Fact]
    public void When_everyone_left_a_question_unanswered_all_are_missing()
    {
        var document = Compute(R(), R(), R());
        Assert.Equal(3, document.Respondents);
        var share = Get<ShareIndicator>(document, "ss_strategy");
        Assert.Equal((0, 0, null, 3), (share.Numerator, share.Denominator, share.Percent, share.Missing));
        var group = Assert.Single(share.ByRegion);
        Assert.Equal(new GroupShare("Europe", 0, 0, null), group);
        Assert.Equal(3, Get<ChoiceIndicator>(document, "investment_factors").Missing);
        Assert.Equal(3, Get<MeanIndicator>(document, "university_share_25_30").Missing);
    }

    [Fact]
    public void A_share_counts_yes_over_yes_and_no()
    {
        var document = Compute(R(Yes("ss_strategy")), R(Yes("ss_strategy")), R(No("ss_strategy")), R());
        var share = Get<ShareIndicator>(document, "ss_strategy");
        Assert.Equal((2, 3, 66.7m, 1), (share.Numerator, share.Denominator, share.Percent, share.Missing));
    }

    [Fact]
    public void A_conditional_share_counts_the_parent_no_in_the_denominator()
    {
        var document = Compute(
            R(Yes("ss_strategy"), Yes("ss_formalised")),
            R(Yes("ss_strategy"), No("ss_formalised")),
            R(No("ss_strategy")),
            R(Yes("ss_strategy")), // child missing
            R()); // parent missing
        var share = Get<ShareIndicator>(document, "ss_formalised");
        Assert.Equal((1, 3, 33.3m, 2), (share.Numerator, share.Denominator, share.Percent, share.Missing));
    }

    [Fact]
    public void A_conditional_share_with_the_child_missing_everywhere_counts_only_the_parent_no()
    {
        var document = Compute(R(Yes("ss_strategy")), R(Yes("ss_strategy")), R(No("ss_strategy")));
        var share = Get<ShareIndicator>(document, "ss_formalised");
        Assert.Equal((0, 1, 0.0m, 2), (share.Numerator, share.Denominator, share.Percent, share.Missing));
    }

    [Fact]
    public void A_hidden_child_answer_is_ignored_and_the_parent_no_still_counts()
    {
        // Stored before the parent changed to "no": hidden now, so it is not a "yes".
        var document = Compute(R(No("ss_strategy"), Yes("ss_formalised")), R(Yes("ss_formalised")));
        var share = Get<ShareIndicator>(document, "ss_formalised");
        Assert.Equal((0, 1, 0.0m, 1), (share.Numerator, share.Denominator, share.Percent, share.Missing));
    }

    [Fact]
    public void An_invalid_answer_is_ignored()
    {
        var document = Compute(
            R(("ss_strategy", AnswerValue.OfNumber(1))),
            R(("university_share_25_30", AnswerValue.OfNumber(120))),
            R(("investment_factors", AnswerValue.OfChoices(["not_an_option"]))),
            R(Yes("ss_strategy"), ("university_share_25_30", AnswerValue.OfNumber(30))));
        Assert.Equal(1, Get<ShareIndicator>(document, "ss_strategy").Denominator);
        Assert.Equal(1, Get<MeanIndicator>(document, "university_share_25_30").N);
        Assert.Equal(0, Get<ChoiceIndicator>(document, "investment_factors").Denominator);
    }

    [Theory]
    [InlineData(2, 3, 66.7)]
    [InlineData(1, 8, 12.5)]
    [InlineData(5, 19, 26.3)]
    [InlineData(11, 19, 57.9)]
    [InlineData(9, 19, 47.4)]
    [InlineData(1, 16, 6.3)] // 6.25: half away from zero, not to even
    [InlineData(3, 16, 18.8)] // 18.75
    [InlineData(15, 20, 75.0)]
    [InlineData(0, 7, 0.0)]
    public void Percentages_round_half_away_from_zero_to_one_decimal(int numerator, int denominator, double expected) =>
        Assert.Equal((decimal)expected, IndicatorCalculator.Percent(numerator, denominator));

    [Fact]
    public void A_percentage_over_nothing_is_null() => Assert.Null(IndicatorCalculator.Percent(0, 0));

    [Fact]
    public void A_choice_lists_every_option_in_order_with_zero_counts_and_other_last()
    {
        var document = Compute(
            R(("investment_factors", AnswerValue.OfChoices(["geographic_position", "qualified_human_capital"]))),
            R(("investment_factors", AnswerValue.OfChoices(["qualified_human_capital"]))),
            R(("investment_factors", AnswerValue.OfChoices(["other"], "port"))),
            R());
        var choice = Get<ChoiceIndicator>(document, "investment_factors");
        Assert.Equal((3, 1), (choice.Denominator, choice.Missing));
        Assert.Equal(
            [
                new OptionShare("qualified_human_capital", 2, 66.7m),
                new OptionShare("innovation_centres", 0, 0.0m),
                new OptionShare("geographic_position", 1, 33.3m),
                new OptionShare("other", 1, 33.3m),
            ],
            WithoutGroups(choice));
    }

    private static IEnumerable<OptionShare> WithoutGroups(ChoiceIndicator choice) =>
        choice.Options.Select(o => o with { ByRegion = null, ByPopulationBand = null });

    [Fact]
    public void Each_option_is_broken_down_by_region_and_band_among_the_cities_of_the_group_that_answered()
    {
        var document = Compute(
            In(Region.Europe, PopulationBand.Under50K, ("investment_factors", AnswerValue.OfChoices(["qualified_human_capital"]))),
            In(Region.Europe, PopulationBand.Under50K, ("investment_factors", AnswerValue.OfChoices(["geographic_position"]))),
            In(Region.Europe, null),
            In(Region.Africa, PopulationBand.Over1M, ("investment_factors", AnswerValue.OfChoices(["qualified_human_capital", "geographic_position"]))));
        var option = Get<ChoiceIndicator>(document, "investment_factors").Options[0];

        Assert.Equal((2, 66.7m), (option.Numerator, option.Percent));
        Assert.Equal([new GroupShare("Africa", 1, 1, 100.0m), new GroupShare("Europe", 1, 2, 50.0m)], option.ByRegion);
        Assert.Equal([new GroupShare("under-50k", 1, 2, 50.0m), new GroupShare("over-1m", 1, 1, 100.0m)], option.ByPopulationBand);
    }

    [Theory]
    [InlineData(new[] { 10.0 }, 10.0, 10.0, 10.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, 1.8, 2.5, 3.3)] // 1.75 → 1.8, 3.25 → 3.3
    [InlineData(new[] { 5.0, 1.0, 3.0, 2.0, 4.0 }, 2.0, 3.0, 4.0)]
    public void Numbers_get_quartiles_linear_between_ranks(double[] values, double q1, double median, double q3)
    {
        var document = Compute([.. values.Select(v => R(("university_share_25_30", AnswerValue.OfNumber((decimal)v))))]);
        var mean = Get<MeanIndicator>(document, "university_share_25_30");
        Assert.Equal(((decimal)q1, (decimal)median, (decimal)q3), (mean.LowerQuartile!.Value, mean.Median!.Value, mean.UpperQuartile!.Value));
    }

    [Fact]
    public void A_single_choice_has_no_other_entry_unless_allowed()
    {
        var document = Compute(R(("lead", AnswerValue.OfChoice("ict"))), R());
        var choice = Get<ChoiceIndicator>(document, "lead");
        Assert.Equal([new OptionShare("mayor", 0, 0.0m), new OptionShare("ict", 1, 100.0m)], WithoutGroups(choice));
        Assert.Equal((1, 1), (choice.Denominator, choice.Missing));
    }

    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value()
    {
        var document = Compute(Number(40), Number(10), Number(25.5m), R());
        var mean = Get<MeanIndicator>(document, "university_share_25_30");
        Assert.Equal((3, 1, 25.2m, 25.5m), (mean.N, mean.Missing, mean.Mean, mean.Median)); // 75.5 / 3 = 25.1666…
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_two_middle_values_rounded()
    {
        var document = Compute(Number(10), Number(29.5m), Number(30.4m), Number(50));
        var mean = Get<MeanIndicator>(document, "university_share_25_30");
        Assert.Equal((4, 0, 30.0m, 30.0m), (mean.N, mean.Missing, mean.Mean, mean.Median)); // median 29.95 → 30.0
    }

    [Fact]
    public void Breakdowns_keep_a_fixed_order_and_omit_groups_without_respondents()
    {
        var document = Compute(
            In(Region.Europe, PopulationBand.Over1M, Yes("ss_strategy")),
            In(Region.America, PopulationBand.Under50K, No("ss_strategy")),
            In(Region.Europe, PopulationBand.From100KTo1M, No("ss_strategy")),
            In(Region.Africa, PopulationBand.From100KTo1M),
            In(Region.Europe, null, Yes("ss_strategy")));
        var share = Get<ShareIndicator>(document, "ss_strategy");
        Assert.Equal(
            [new GroupShare("Africa", 0, 0, null), new GroupShare("America", 0, 1, 0.0m), new GroupShare("Europe", 2, 3, 66.7m)],
            share.ByRegion);
        Assert.Equal(
            [new GroupShare("under-50k", 0, 1, 0.0m), new GroupShare("100k-1m", 0, 1, 0.0m), new GroupShare("over-1m", 1, 1, 100.0m)],
            share.ByPopulationBand); // a city without a recorded population is in no band
    }

    [Fact]
    public void Conditional_breakdowns_follow_the_same_rule()
    {
        var document = Compute(
            In(Region.Asia, PopulationBand.Over1M, No("ss_strategy")),
            In(Region.Asia, PopulationBand.Over1M, Yes("ss_strategy"), Yes("ss_formalised")));
        var share = Get<ShareIndicator>(document, "ss_formalised");
        Assert.Equal([new GroupShare("Asia", 1, 2, 50.0m)], share.ByRegion);
        Assert.Equal([new GroupShare("over-1m", 1, 2, 50.0m)], share.ByPopulationBand);
    }

    private static CountedResponse Number(decimal value) => R(("university_share_25_30", AnswerValue.OfNumber(value)));
}
