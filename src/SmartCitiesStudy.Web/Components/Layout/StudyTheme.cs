using MudBlazor;

namespace SmartCitiesStudy.Web.Components.Layout;

/// <summary>The portal's colours; the static pages' CSS (wwwroot/css/site.css) uses the same values.</summary>
public static class StudyTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5d8c",
            Secondary = "#b4531f",
            AppbarBackground = "#1f5d8c",
            Background = "#f6f8fa",

            // MudBlazor's defaults (#00c853, #ff9800, #2196f3) are too light for text on white (axe: color-contrast,
            // seen on the status chips); these keep the hue and reach WCAG AA (≥ 4.5:1) on white and on the background.
            Success = "#1b7a3a",
            Warning = "#8a5300",
            Info = "#0b63a8",
            Error = "#b3261e",

            // The default secondary text (54% black) reaches only 4.46:1 on the background: labels, help texts.
            TextSecondary = "#5c5f62",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7fb6e0",
            Secondary = "#f0a070",
            AppbarBackground = "#16324a",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Noto Sans", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
