namespace SmartCitiesStudy.Application.Abstractions;

/// <summary>What use cases may know about accounts, which live with Identity in the infrastructure.</summary>
public interface ICityOfficerDirectory
{
    /// <summary>Active city officers per city id (cities without officers are absent).</summary>
    Task<IReadOnlyDictionary<int, int>> CountActiveOfficersAsync(CancellationToken cancellationToken = default);

    /// <summary>The active officers of one city, to write to them.</summary>
    Task<IReadOnlyList<CityOfficerContact>> ActiveOfficersAsync(int cityId, CancellationToken cancellationToken = default);
}

/// <summary>How to reach a city officer: address, name and preferred language (en, es, fr or null).</summary>
public sealed record CityOfficerContact(string Email, string Name, string? Culture);
