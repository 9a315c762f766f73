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
