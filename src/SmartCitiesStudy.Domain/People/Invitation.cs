using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.People;

/// <summary>
/// An invitation to join the portal in a role (for city officers, of one city), accepted through a single-use link
/// that expires. Only the SHA-256 hash of the link's token is stored, so a database leak cannot be turned into accounts.
/// Lives in the domain (not next to Identity) because its rules — expiry, single use, superseding — need no Identity.
/// </summary>
public sealed class Invitation
{
    public const int MaxEmailLength = 256;

    private Invitation()
    {
        Email = string.Empty;
        Role = string.Empty;
        TokenHash = string.Empty;
        InvitedByUserId = string.Empty;
    }

    public Invitation(string email, string role, int? cityId, string tokenHash, DateTimeOffset now, TimeSpan validFor, string invitedByUserId)
        : this()
    {
        Email = NormalizeEmail(email);
        Role = string.IsNullOrWhiteSpace(role) ? throw new DomainRuleException("invitation.role", "The invitation needs a role.") : role;
        CityId = cityId;
        TokenHash = tokenHash;
        CreatedAt = now;
        ExpiresAt = now + validFor;
        InvitedByUserId = invitedByUserId;
    }

    public int Id { get; private set; }

    /// <summary>The invited address, trimmed and lower-case.</summary>
    public string Email { get; private set; }

    public string Role { get; private set; }

    /// <summary>For city officers: their city.</summary>
    public int? CityId { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the token in the link.</summary>
    public string TokenHash { get; private set; }

    [EventTime]
    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    [EventTime]
    public DateTimeOffset? AcceptedAt { get; private set; }

    public string? AcceptedUserId { get; private set; }

    /// <summary>Set when the secretariat withdraws the invitation or a resend replaces it.</summary>
    [EventTime]
    public DateTimeOffset? RevokedAt { get; private set; }

    public string InvitedByUserId { get; private set; }

    public InvitationState StateAt(DateTimeOffset now) => this switch
    {
        { AcceptedAt: not null } => InvitationState.Used,
        { RevokedAt: not null } => InvitationState.Revoked,
        _ when now >= ExpiresAt => InvitationState.Expired,
        _ => InvitationState.Pending,
    };

    /// <summary>Marks the invitation used by the account it created. Refused unless it is pending.</summary>
    public void Accept(string userId, DateTimeOffset now)
    {
        var state = StateAt(now);
        if (state != InvitationState.Pending)
        {
            throw new DomainRuleException("invitation." + state.ToString().ToLowerInvariant(), $"The invitation for {Email} is {state.ToString().ToLowerInvariant()}.");
        }

        AcceptedAt = now;
        AcceptedUserId = userId;
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public static string NormalizeEmail(string email)
    {
        var value = (email ?? string.Empty).Trim().ToLowerInvariant();
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return value.Length is > 0 and <= MaxEmailLength && at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1 && !value.Any(char.IsWhiteSpace)
            ? value
            : throw new DomainRuleException("invitation.email", $"'{email}' is not an e-mail address.");
    }
}
