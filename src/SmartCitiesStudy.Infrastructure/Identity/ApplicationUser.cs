using Microsoft.AspNetCore.Identity;

namespace SmartCitiesStudy.Infrastructure.Identity;

/// <summary>
/// A person with an account: secretariat staff, a reviewer, or a city officer (who belongs to exactly one city).
/// </summary>
public sealed class ApplicationUser : IdentityUser
{
    public const int MaxDisplayNameLength = 120;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>For city officers: the city whose responses they fill in. Null for other roles.</summary>
    public int? CityId { get; set; }

    /// <summary>Deactivated people cannot sign in; their history stays.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>UI culture the person chose (en, es or fr).</summary>
    public string? PreferredCulture { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
