using System.Text.Json;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Domain.Tests.Indicators;

public sealed class IndicatorsFromCountsTests
{
    /// <summary>What the database's GROUP BY gives (AnswerCounts), computed here over the generated rows.</summary>
    public static (List<RespondentCount> Respondents, List<StoredAnswerCount> Answers) Count(QuestionnaireDefinition definition, List<GeneratedResponse> responses)
    {
        var questions = IndicatorsFromCounts.QuestionsToCount(definition) ?? throw new InvalidOperationException("Chains too long.");
        static PopulationBand? Band(GeneratedResponse r) => r.Population is { } p ? PopulationBands.For(p) : null;
        var respondents = responses.GroupBy(r => (r.Region, Band(r))).Select(g => new RespondentCount(g.Key.Region, g.Key.Item2, g.Count())).ToList();
        var answers = (
                from r in responses
                from q in questions
                where r.Answers.ContainsKey(q.Code)
                group r by (q.Code, Json: r.Answers[q.Code],
                    C1: q.ConditionChain.Count > 0 ? r.Answers.GetValueOrDefault(q.ConditionChain[0]) : null,
                    C2: q.ConditionChain.Count > 1 ? r.Answers.GetValueOrDefault(q.ConditionChain[1]) : null,
                    C3: q.ConditionChain.Count > 2 ? r.Answers.GetValueOrDefault(q.ConditionChain[2]) : null,
                    Region: q.ByGroup ? r.Region : (Region?)null,
                    Band: q.ByGroup ? Band(r) : null) into g
                select new StoredAnswerCount(g.Key.Code, g.Key.Json, [g.Key.C1, g.Key.C2, g.Key.C3], g.Key.Region, g.Key.Band, g.Count()))
            .ToList();
        return (respondents, answers);
    }

    /// <summary>The document as comparable text (every figure, breakdown and rounding).</summary>
    public static string Text(IndicatorDocument document) =>
        JsonSerializer.Serialize(new { document.Edition, document.Respondents, Indicators = document.Indicators.Cast<object>().ToList() });

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(7, 3)]
    [InlineData(60, 4)]
    [InlineData(500, 5)]
    [InlineData(2000, 6)]
    public void The_counts_give_the_calculators_figures(int cities, int seed)
    {
        var definition = GeneratedStudy.Definition("gen");
        var responses = GeneratedStudy.Responses(cities, seed);
        var (respondents, answers) = Count(definition, responses);

        var expected = IndicatorCalculator.Compute(definition, [.. responses.Select(GeneratedStudy.Counted)]);
        var actual = IndicatorsFromCounts.Compute(definition, respondents, answers);

        Assert.Equal(Text(expected), Text(actual));
        Assert.Equal(["p", "c", "g", "h", "lead", "n", "nc", "qc", "qy"], actual.Indicators.Select(i => i.Id));
    }

    [Fact]
    public void The_generated_data_reaches_every_case()
    {
        var definition = GeneratedStudy.Definition("gen");
        var responses = GeneratedStudy.Responses(500, 5);
        var document = IndicatorCalculator.Compute(definition, [.. responses.Select(GeneratedStudy.Counted)]);
        var h = Assert.IsType<ShareIndicator>(document.Indicators.Single(i => i.Id == "h"));
        Assert.InRange(h.Denominator, 1, 499); // the third level is sometimes shown, sometimes not
        var g = Assert.IsType<ChoiceIndicator>(document.Indicators.Single(i => i.Id == "g"));
        Assert.True(g.Options.Single(o => o.Code == "other").Numerator > 0);
        Assert.DoesNotContain(g.Options[0].ByRegion!, r => r.Group == "Asia");
        var nc = Assert.IsType<MeanIndicator>(document.Indicators.Single(i => i.Id == "nc"));
        Assert.InRange(nc.N!.Value, 1, 499);
        Assert.Contains(responses, r => r.Population is null);
        Assert.Contains(responses, r => r.Answers.Values.Contains(GeneratedStudy.Damaged));
    }

    [Fact]
    public void Chains_longer_than_the_query_joins_are_left_to_the_calculator()
    {
        Question YesNo(string code, string? parent) =>
            new() { Code = code, Type = QuestionType.YesNo, Title = new("Q"), ShowWhen = parent is null ? null : new(parent, "yes") };
        QuestionnaireDefinition Of(params Question[] questions) => new()
        {
            Edition = "deep",
            Title = new("Deep"),
            Sections = [new Section { Code = "s", Title = new("S"), Subsections = [new Subsection { Code = "m", Title = new("M"), Questions = questions }] }],
        };

        var three = IndicatorsFromCounts.QuestionsToCount(Of(YesNo("a", null), YesNo("b", "a"), YesNo("c", "b"), YesNo("d", "c")));
        Assert.Equal(["c", "b", "a"], three!.Single(q => q.Code == "d").ConditionChain);
        Assert.Null(IndicatorsFromCounts.QuestionsToCount(Of(YesNo("a", null), YesNo("b", "a"), YesNo("c", "b"), YesNo("d", "c"), YesNo("e", "d"))));
    }
}
