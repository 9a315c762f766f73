using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Application.Features.Dashboard;

/// <summary>
/// One city's progress in an edition. <see cref="BandYear"/> is set when the edition has no population of its own for
/// the city and <see cref="Band"/> comes from the last one known (recorded for the edition of that year): shown with
/// its year, for the secretariat to confirm (<see cref="Cities.ConfirmCarriedPopulations"/>). <see cref="ExtendedUntil"/>
/// is the city's own deadline when the secretariat gave it more time (<see cref="Editions.ExtendCityDeadline"/>).
/// </summary>
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
    DateTimeOffset? LastActivity,
    int? BandYear = null,
    DateOnly? ExtendedUntil = null,
    string? ExtensionReason = null)
{
    /// <summary>Has officers or pending invitations.</summary>
    public bool Invited => Officers > 0 || PendingInvitations > 0;

    public bool Started => Status != DashboardStatus.NotStarted;
}
