using Microsoft.Extensions.Configuration;

namespace SmartCitiesStudy.Infrastructure.People;

/// <summary>How long an invitation link stays valid: <c>People:InvitationValidDays</c>, 7 by default.</summary>
public sealed record PeopleOptions(TimeSpan InvitationValidFor)
{
    public static PeopleOptions FromConfiguration(IConfiguration configuration) =>
        new(TimeSpan.FromDays(Math.Clamp(configuration.GetValue("People:InvitationValidDays", 7.0), 0.01, 60)));
}
