namespace SmartCitiesStudy.Infrastructure.People;

/// <summary>Why an invitation link cannot be used (None: it can).</summary>
public enum InvitationProblem
{
    None,
    NotFound,
    Used,
    Revoked,
    Expired,

    /// <summary>The address belongs to a deactivated account: only the secretariat can reactivate it.</summary>
    AccountDeactivated,

    /// <summary>The address already has an active account: sign in instead.</summary>
    AccountExists,
}
