using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Application.Features.Dashboard;

/// <summary>One city's progress in an edition.</summary>
public sealed record DashboardRow(
    int CityId,
    string City,
    string Country,
    Region Region,
    PopulationBand? Band,
    int Officers,
    int PendingInvitations,
    DashboardStatus Status,
    int PercentComplete,
    DateTimeOffset? LastActivity)
{
    /// <summary>Has officers or pending invitations.</summary>
    public bool Invited => Officers > 0 || PendingInvitations > 0;

    public bool Started => Status != DashboardStatus.NotStarted;
}
