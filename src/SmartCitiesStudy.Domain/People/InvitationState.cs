namespace SmartCitiesStudy.Domain.People;

/// <summary>Where an invitation stands at a given moment.</summary>
public enum InvitationState
{
    Pending,
    Used,
    Revoked,
    Expired,
}
