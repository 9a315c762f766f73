namespace SmartCitiesStudy.Application.Abstractions;

/// <summary>The active secretariat accounts, to send them the daily digest.</summary>
public interface ISecretariatDirectory
{
    Task<IReadOnlyList<CityOfficerContact>> ActiveSecretariatAsync(CancellationToken cancellationToken = default);
}
