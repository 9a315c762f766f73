namespace SmartCitiesStudy.Application.Abstractions;

/// <summary>Creates a short-lived <see cref="IStudyDbContext"/> for one operation.</summary>
public interface IStudyDbContextFactory
{
    Task<IStudyDbContext> CreateAsync(CancellationToken cancellationToken = default);
}
