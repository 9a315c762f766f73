using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Reports.Tests;

public sealed class IndicatorSentencesTests
{
    private static readonly LocalizedText Label = new(
        "have a local smart specialisation strategy",
        "tienen una estrategia local de especialización inteligente",
        "ont une stratégie locale de spécialisation intelligente");

    private static readonly ShareIndicator Share = new("ss_strategy", 15, 20, 75m, 0, [], []);

    [Theory]
    [InlineData("en", "75% of the participating cities — 15 out of 20 — have a local smart specialisation strategy.")]
    [InlineData("es", "El 75\u00a0% de las ciudades participantes — 15 de 20 — tienen una estrategia local de especialización inteligente.")]
    [InlineData("fr", "75\u00a0% des villes participantes — 15 sur 20 — ont une stratégie locale de spécialisation intelligente.")]
    public void A_share_reads_like_the_published_study(string language, string expected) =>
        Assert.Equal(expected, IndicatorSentences.For(Share, Label, language));

    [Fact]
    public void A_share_with_missing_answers_says_of_the_cities_that_answered() =>
        Assert.Equal(
            "57.9% of the cities that answered — 11 out of 19 — have a local smart specialisation strategy.",
            IndicatorSentences.For(Share with { Numerator = 11, Denominator = 19, Percent = 57.9m, Missing = 1 }, Label, "en"));

    [Fact]
    public void Choices_and_means_have_their_own_sentences()
    {
        var choice = new ChoiceIndicator("investment_factors", 19, 1, [new OptionShare("qualified_human_capital", 11, 57.9m)]);
        Assert.Equal("The 19 cities that answered identify these factors:", IndicatorSentences.For(choice, new LocalizedText("identify these factors"), "en"));
        Assert.Equal("Capital — 57,9\u00a0% (11 sur 19)", IndicatorSentences.Option(choice.Options[0], 19, "Capital", "fr"));

        var mean = new MeanIndicator("university_share_25_30", 18, 2, 30m, 29.5m);
        Assert.Equal(
            "On average, 30% of the population aged 25 to 30 have university studies — mean over the 18 cities that answered; median 29.5%.",
            IndicatorSentences.For(mean, new LocalizedText("of the population aged 25 to 30 have university studies"), "en", "%"));
    }

    [Fact]
    public void No_answers_is_said_plainly_and_an_unknown_language_is_english()
    {
        Assert.Equal("No participating city answered this question.", IndicatorSentences.For(Share with { Numerator = 0, Denominator = 0, Percent = null }, Label, "en"));
        Assert.StartsWith("75% of the participating cities", IndicatorSentences.For(Share, Label, "de"), StringComparison.Ordinal);
    }
}
