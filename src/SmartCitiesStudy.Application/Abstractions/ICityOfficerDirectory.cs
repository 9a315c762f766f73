namespace SmartCitiesStudy.Application.Abstractions;

/// <summary>What use cases may know about accounts, which live with Identity in the infrastructure.</summary>
public interface ICityOfficerDirectory
{
    /// <summary>Active city officers per city id (cities without officers are absent).</summary>
    Task<IReadOnlyDictionary<int, int>> CountActiveOfficersAsync(CancellationToken cancellationToken = default);
}
