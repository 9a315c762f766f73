using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartCitiesStudy.Application;
using SmartCitiesStudy.Infrastructure;

namespace SmartCitiesStudy.Cli;

/// <summary>
/// Builds the services a command needs, from the same configuration keys as the web app: appsettings.json next to
/// the CLI, then environment variables (<c>Database__Provider</c>, <c>ConnectionStrings__Default</c>, …).
/// </summary>
internal static class CliServices
{
    public static ServiceProvider Build(TextWriter error, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging =>
        {
            logging.AddConfiguration(configuration.GetSection("Logging"));
            logging.SetMinimumLevel(LogLevel.Warning);
            logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None); // its errors reach the user as one clear line
            logging.AddProvider(new TextWriterLoggerProvider(error));
        });
        services.AddStudyApplication();
        services.AddStudyInfrastructure(configuration, Directory.GetCurrentDirectory());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
