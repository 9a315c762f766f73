namespace SmartCitiesStudy.Infrastructure.Persistence;

/// <summary>The database settings are wrong or the database cannot be reached. The message is meant for people.</summary>
public sealed class DatabaseConfigurationException : Exception
{
    public DatabaseConfigurationException(string message)
        : base(message)
    {
    }

    public DatabaseConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
