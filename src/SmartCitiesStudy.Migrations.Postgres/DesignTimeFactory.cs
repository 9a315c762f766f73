using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Migrations.Postgres;

/// <summary>
/// Used by <c>dotnet ef migrations add … --project src/SmartCitiesStudy.Migrations.Postgres</c>; never at run time.
/// No server is contacted to add a migration.
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<StudyDbContext>
{
    public StudyDbContext CreateDbContext(string[] args)
    {
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=smartcities_design");
        var options = StudyDbContextOptions.Configure(new DbContextOptionsBuilder<StudyDbContext>(), settings);
        return new StudyDbContext((DbContextOptions<StudyDbContext>)options.Options);
    }
}
