namespace SmartCitiesStudy.Infrastructure.Persistence;

/// <summary>The database engines the portal runs on. Chosen by the <c>Database:Provider</c> setting.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded default: a single file, no server to install.</summary>
    Sqlite,

    /// <summary>Production: PostgreSQL 15 or later.</summary>
    Postgres,
}
