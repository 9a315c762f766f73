using SmartCitiesStudy.Application.Security;

namespace SmartCitiesStudy.Infrastructure.Seeding;

/// <summary>
/// Accounts created by <c>db seed-demo</c> and at start in Development, so every role can be tried at once.
/// The password is a well-known demo value: these accounts must never exist in production.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "demo-study-2026";

    public sealed record DemoAccount(string Email, string DisplayName, string Role, string? CitySlug);

    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("secretariat@demo.smartcities.local", "Sara Secretariat", StudyRoles.Secretariat, null),
        new("reviewer@demo.smartcities.local", "Rui Reviewer", StudyRoles.Reviewer, null),
        new("ane.officer@bilbao.demo.smartcities.local", "Ane Officer (Bilbao)", StudyRoles.CityOfficer, "bilbao"),
        new("jon.officer@bilbao.demo.smartcities.local", "Jon Officer (Bilbao)", StudyRoles.CityOfficer, "bilbao"),
        new("rita.officer@porto.demo.smartcities.local", "Rita Officer (Porto)", StudyRoles.CityOfficer, "porto"),
    ];
}
