using Microsoft.Extensions.Localization;
using SmartCitiesStudy.Domain.Indicators;

namespace SmartCitiesStudy.Web.Features.Reader;

/// <summary>
/// An indicator as the study writes it: "75.0% of the participating cities — 15 out of 20 — have a local smart
/// specialisation strategy". The label completes the sentence (IndicatorDefinition.Label).
/// </summary>
public static class IndicatorSentence
{
    public static string For(IStringLocalizer L, Indicator indicator, string label, string unit) => indicator switch
    {
        ShareIndicator { Denominator: 0 } => ReaderFormat.Format(L["No participating city answered: {0}."], label),
        ShareIndicator s => ReaderFormat.Format(L["{0} of the participating cities — {1} out of {2} — {3}."], ReaderFormat.Percent(s.Percent), s.Numerator, s.Denominator, label),
        ChoiceIndicator { Denominator: 0 } => ReaderFormat.Format(L["No participating city answered: {0}."], label),
        ChoiceIndicator c => ReaderFormat.Format(L["Of the {0} cities that answered, the cities {1}:"], c.Denominator, label),
        MeanIndicator { N: 0 } => ReaderFormat.Format(L["No participating city answered: {0}."], label),
        MeanIndicator m => ReaderFormat.Format(L["On average, {0} {1} (median {2}, over {3} cities that answered)."], ReaderFormat.OneDecimal(m.Mean) + unit, label, ReaderFormat.OneDecimal(m.Median) + unit, m.N),
        _ => label,
    };
}
