using System.Globalization;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Reports.Text;

namespace SmartCitiesStudy.Reports;

/// <summary>
/// The published sentence of an indicator in English, Spanish or French, from the indicator document and the
/// question's indicator label (<see cref="IndicatorDefinition.Label"/>):
/// <list type="bullet">
/// <item>share: "75% of the participating cities — 15 out of 20 — have a local smart specialisation strategy.";</item>
/// <item>choice: "The 19 cities that answered identify these main factors for attracting investments:" (then one
/// <see cref="Option"/> line per option);</item>
/// <item>mean: "On average, 30% of the population aged 25 to 30 have university studies — mean over the 18 cities…".</item>
/// </list>
/// Public and stable: the study PDF, the factsheets and the reader site use it. Never ranks cities.
/// </summary>
public static class IndicatorSentences
{
    /// <summary>The sentence of <paramref name="indicator"/> for <paramref name="question"/> (its indicator label and unit).</summary>
    public static string For(Indicator indicator, Question question, string language)
    {
        ArgumentNullException.ThrowIfNull(question);
        var label = question.Figure?.Label ?? question.Title;
        return For(indicator, label, language, question.Unit?.Get(language));
    }

    /// <summary>The sentence of <paramref name="indicator"/> completed by <paramref name="label"/> in <paramref name="language"/>.</summary>
    public static string For(Indicator indicator, LocalizedText label, string language, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(label);
        var text = ReportText.For(language);
        var culture = ReportLanguage.Culture(language);
        var completion = label.Get(language);
        if (indicator.HasNoAnswers)
        {
            return text.NoAnswers;
        }

        return indicator.Match(
            share => string.Format(
                culture,
                share.Missing == 0 ? text.ShareOfParticipants : text.ShareOfAnswered,
                ReportLanguage.Percent(share.Percent, language),
                Count(share.Numerator, share.Denominator, language),
                completion),
            choice => choice.Denominator is null
                ? string.Format(culture, text.ChoiceSentencePublished, completion)
                : string.Format(culture, text.ChoiceSentence, choice.Denominator, completion),
            mean => mean switch
            {
                { N: null, Mean: { } printed } => string.Format(culture, text.MeanSentencePublished, WithUnit(printed, unit, language), completion),
                { Mean: { } average, Median: { } median } => string.Format(
                    culture, text.MeanSentence, WithUnit(average, unit, language), completion, mean.N, WithUnit(median, unit, language)),
                _ => text.NoAnswers,
            });
    }

    /// <summary>"15 out of 20" (en), "15 de 20" (es), "15 sur 20" (fr).</summary>
    public static string Count(int numerator, int denominator, string language) =>
        string.Format(ReportLanguage.Culture(language), ReportText.For(language).CountOutOf, numerator, denominator);

    /// <summary>
    /// The short form for charts and tables: "15 of 20", "15 de 20", "15 sur 20"; empty when a figure as published
    /// gives no count.
    /// </summary>
    public static string ShortCount(int? numerator, int? denominator, string language) =>
        numerator is { } x && denominator is { } n
            ? string.Format(ReportLanguage.Culture(language), ReportText.For(language).CountOf, x, n)
            : string.Empty;

    /// <summary>
    /// One option of a choice indicator: "Qualified human capital — 58% (11 of 19)"; as published without a base,
    /// "Qualified human capital — 58%".
    /// </summary>
    public static string Option(OptionShare option, int? denominator, string optionLabel, string language)
    {
        ArgumentNullException.ThrowIfNull(option);
        var count = ShortCount(option.Numerator, denominator, language);
        return count.Length == 0
            ? $"{optionLabel} — {ReportLanguage.Percent(option.Percent, language)}"
            : $"{optionLabel} — {ReportLanguage.Percent(option.Percent, language)} ({count})";
    }

    /// <summary>"like 15 of 20 cities": the study-wide figure next to one city's answer (factsheets).</summary>
    public static string LikeCities(int numerator, int denominator, string language) =>
        string.Format(ReportLanguage.Culture(language), ReportText.For(language).LikeCities, numerator, denominator);

    private static string WithUnit(decimal value, string? unit, string language) => unit switch
    {
        null or "" => ReportLanguage.Number(value, language),
        "%" => ReportLanguage.Percent(value, language),
        _ => ReportLanguage.Number(value, language) + " " + unit,
    };

    /// <summary>The label of an option of <paramref name="question"/> in <paramref name="language"/> (the code when unknown).</summary>
    public static string OptionLabel(Question question, string code, string language)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Options.FirstOrDefault(o => o.Code == code) is { } option)
        {
            return option.Title.Get(language);
        }

        return code == Question.OtherCode
            ? ReportLanguage.Normalize(language) switch { "es" => "Otros", "fr" => "Autres", _ => "Other" }
            : code.ToString(CultureInfo.InvariantCulture);
    }
}
