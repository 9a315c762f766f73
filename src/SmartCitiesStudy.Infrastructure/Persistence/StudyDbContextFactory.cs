using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;

namespace SmartCitiesStudy.Infrastructure.Persistence;

/// <summary>Adapts EF's pooled-free context factory to the application's abstraction.</summary>
internal sealed class StudyDbContextFactory(IDbContextFactory<StudyDbContext> factory) : IStudyDbContextFactory
{
    public async Task<IStudyDbContext> CreateAsync(CancellationToken cancellationToken = default) =>
        await factory.CreateDbContextAsync(cancellationToken);
}
