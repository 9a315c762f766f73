namespace SmartCitiesStudy.Infrastructure.People;

/// <summary>The People page's content: accounts and open invitations.</summary>
public sealed record PeopleList(IReadOnlyList<PersonRow> People, IReadOnlyList<InvitationRow> Invitations);
