namespace SmartCitiesStudy.Web.Features.Reader.Charts;

/// <summary>One bar: its label, its share from 0 to 100 (null: nobody answered) and the text written after it.</summary>
public sealed record BarDatum(string Label, decimal? Percent, string Value, bool Emphasis = false);
