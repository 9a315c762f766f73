using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Migrations.Sqlite;

/// <summary>
/// Used by <c>dotnet ef migrations add … --project src/SmartCitiesStudy.Migrations.Sqlite</c>; never at run time.
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<StudyDbContext>
{
    public StudyDbContext CreateDbContext(string[] args)
    {
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db");
        var options = StudyDbContextOptions.Configure(new DbContextOptionsBuilder<StudyDbContext>(), settings);
        return new StudyDbContext((DbContextOptions<StudyDbContext>)options.Options);
    }
}
