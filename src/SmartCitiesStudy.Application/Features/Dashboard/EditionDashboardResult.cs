namespace SmartCitiesStudy.Application.Features.Dashboard;

/// <summary>The dashboard, or why there is none (unknown edition, not allowed).</summary>
public sealed record EditionDashboardResult(EditionDashboard? Dashboard, string? Error, bool NotFound = false);
