using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Infrastructure.Questionnaires;

namespace SmartCitiesStudy.Application.Tests.Features.Questionnaires;

public sealed class ShippedQuestionnaireTests
{
    /// <summary>The public question codes of 2017 (../shared/data/study-2017-indicators.md) and their types.</summary>
    public static TheoryData<string, QuestionType> Codes2017 => new()
    {
        { "ss_strategy", QuestionType.YesNo },
        { "ss_formalised", QuestionType.YesNo },
        { "entrepreneurship_programmes", QuestionType.YesNo },
        { "incubation_spaces", QuestionType.YesNo },
        { "science_parks", QuestionType.YesNo },
        { "specialised_parks", QuestionType.YesNo },
        { "formalised_clusters", QuestionType.YesNo },
        { "business_collaboration", QuestionType.YesNo },
        { "investment_factors", QuestionType.MultipleChoice },
        { "positioning_strategy", QuestionType.YesNo },
        { "dual_vocational_training", QuestionType.YesNo },
        { "university_share_25_30", QuestionType.Number },
        { "lifelong_learning", QuestionType.YesNo },
        { "talent_attraction", QuestionType.YesNo },
        { "talent_retention", QuestionType.YesNo },
        { "digital_inclusion", QuestionType.YesNo },
        { "youth_digital_vocation", QuestionType.YesNo },
        { "big_data", QuestionType.YesNo },
        { "digital_entrepreneurship", QuestionType.YesNo },
        { "digital_infrastructure", QuestionType.YesNo },
    };

    private static QuestionnaireDefinition Load(string edition)
    {
        var json = ShippedQuestionnaires.Read(edition) ?? throw new InvalidOperationException($"No shipped questionnaire for {edition}.");
        var (definition, report) = QuestionnaireJson.Parse(json);
        Assert.True(definition is not null, string.Join('\n', report.Errors));
        return definition;
    }

    [Fact]
    public void The_three_historical_editions_ship_a_questionnaire() =>
        Assert.Equal(["2012", "2017", "2019"], ShippedQuestionnaires.EditionCodes);

    [Theory]
    [InlineData("2012")]
    [InlineData("2017")]
    [InlineData("2019")]
    public void Every_shipped_questionnaire_is_valid_and_fully_translated(string edition)
    {
        var (definition, report) = QuestionnaireJson.Parse(ShippedQuestionnaires.Read(edition)!);
        Assert.True(report.IsValid, string.Join('\n', report.Errors));
        Assert.True(report.Warnings.Count == 0, string.Join('\n', report.Warnings.Take(20)));
        Assert.Equal(edition, definition!.Edition);
        Assert.Equal("good_practices", definition.Sections[^1].Code);
        var group = Assert.Single(definition.Sections[^1].Questions);
        Assert.Equal(QuestionType.Group, group.Type);
        Assert.Equal(["field", "title", "description", "key_success_factors", "results", "website"], group.Questions.Select(f => f.Code));
        var fieldOptions = group.Questions[0].Options.Select(o => o.Code).ToList();
        Assert.All(fieldOptions, code => Assert.Contains(definition.Sections, s => s.Code == code));
    }

    [Theory]
    [MemberData(nameof(Codes2017))]
    public void The_2017_questionnaire_has_every_published_code_with_its_type_and_indicator(string code, QuestionType type)
    {
        var question = Load("2017").Find(code);
        Assert.NotNull(question);
        Assert.Equal(type, question.Type);
        Assert.NotNull(question.Indicator);
    }

    [Fact]
    public void The_2017_formalised_strategy_is_asked_only_after_a_yes_to_the_strategy()
    {
        var definition = Load("2017");
        Assert.Equal(new ShowCondition("ss_strategy", "yes"), definition.Find("ss_formalised")!.ShowWhen);
        var factors = definition.Find("investment_factors")!;
        Assert.Equal(["qualified_human_capital", "innovation_centres", "geographic_position"], factors.Options.Take(3).Select(o => o.Code));
        Assert.True(factors.AllowOther);
        var share = definition.Find("university_share_25_30")!;
        Assert.Equal((0m, 100m, IndicatorKind.Mean), (share.Min!.Value, share.Max!.Value, share.Indicator!.Kind));
    }

    [Fact]
    public void Editions_2012_and_2019_share_codes_for_cross_edition_trends()
    {
        var codes2012 = Load("2012").Questions.Select(q => q.Code).ToHashSet();
        var shared = Load("2019").Questions.Where(q => codes2012.Contains(q.Code)).ToList();
        Assert.True(shared.Count >= 3, "2012 and 2019 should repeat some questions so trends can be shown");
        Assert.All(shared, q => Assert.Equal(Load("2012").Find(q.Code)!.Type, q.Type));
    }

    [Fact]
    public void The_shipped_sameAs_links_point_to_questions_and_options_of_the_same_type()
    {
        var editions = ShippedQuestionnaires.EditionCodes.ToDictionary(e => e, Load);
        foreach (var definition in editions.Values)
        {
            var problems = SameAsValidator.Validate(definition, editions);
            Assert.True(problems.Count == 0, string.Join('\n', problems));
        }

        var links = EditionLinks.Build(editions.Values);
        Assert.Equal(links.Concept("2017", "investment_factors"), links.Concept("2012", "investment_attraction_factors"));
        Assert.Equal(links.Concept("2012", "governance_barriers", "outdated_legal_framework"), links.Concept("2019", "open_government_barriers", "outdated_legal_framework"));
        Assert.Equal(links.Concept("2012", "governance_barriers", "outdated_legal_framework"), links.Concept("2017", "general_barriers", "outdated_legislation"));
        Assert.NotEqual(links.Concept("2012", "governance_barriers", "outdated_legal_framework"), links.Concept("2012", "governance_barriers", "budget_constraints"));
    }

    [Fact]
    public void The_reconstructions_ask_the_questions_that_follow_open_data_transparency_e_services_wifi_and_inclusion()
    {
        Assert.Equal(QuestionType.YesNo, Load("2012").Find("transparency_portal")!.Type);
        foreach (var code in new[] { "e_administration_areas", "digital_inclusion", "civil_servants_digital_training", "public_wifi_hotspots", "open_data_portal", "public_wifi" })
        {
            Assert.Equal(Load("2017").Find(code)!.Type, Load("2019").Find(code)!.Type);
        }
    }
}
