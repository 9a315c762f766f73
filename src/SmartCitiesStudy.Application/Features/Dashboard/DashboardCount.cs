namespace SmartCitiesStudy.Application.Features.Dashboard;

/// <summary>How many cities of a group (a region, a band) are invited, started, submitted and approved.</summary>
public sealed record DashboardCount(string Group, int Cities, int Invited, int Started, int Submitted, int Approved);
