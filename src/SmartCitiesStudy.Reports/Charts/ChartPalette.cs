namespace SmartCitiesStudy.Reports.Charts;

/// <summary>The report colours (UCLG-like deep blue and teal), shared by the charts and the print CSS.</summary>
public static class ChartPalette
{
    public const string DeepBlue = "#123f6d";
    public const string Teal = "#0f8b8d";
    public const string Track = "#dde7f0";
    public const string Ink = "#1f2933";
    public const string Muted = "#5b6b7b";
}
