using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Application.Features.Dashboard;

/// <summary>Narrows the dashboard's list; null means any.</summary>
public sealed record DashboardFilter(DashboardStatus? Status = null, Region? Region = null, PopulationBand? Band = null, bool InvitedOnly = false);
