namespace SmartCitiesStudy.Application.Features.Dashboard;

/// <summary>Where a city stands in an edition: its response's status, or not started.</summary>
public enum DashboardStatus
{
    NotStarted,
    Draft,
    Submitted,
    Returned,
    Approved,
}
