using Microsoft.Extensions.Localization;
using MudBlazor;
using SmartCitiesStudy.Application.Features.Dashboard;

namespace SmartCitiesStudy.Web.Features.Dashboard;

/// <summary>A city's progress status in the person's language, with its colour.</summary>
public static class DashboardLabels
{
    public static string Status(IStringLocalizer L, DashboardStatus status) => status switch
    {
        DashboardStatus.NotStarted => L["Not started"],
        DashboardStatus.Draft => L["Draft"],
        DashboardStatus.Submitted => L["Submitted"],
        DashboardStatus.Returned => L["Returned"],
        DashboardStatus.Approved => L["Approved"],
        _ => status.ToString(),
    };

    public static Color Colour(DashboardStatus status) => status switch
    {
        DashboardStatus.Draft => Color.Info,
        DashboardStatus.Submitted => Color.Primary,
        DashboardStatus.Returned => Color.Warning,
        DashboardStatus.Approved => Color.Success,
        _ => Color.Default,
    };
}
