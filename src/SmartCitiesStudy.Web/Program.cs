using SmartCitiesStudy.Infrastructure.DataProtection;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddStudyWeb();
}
catch (KeyProtectionException ex)
{
    // A missing or unreadable key certificate: one line that names the setting.
    await Console.Error.WriteLineAsync($"Cannot start: {ex.Message}");
    return 1;
}

var app = builder.Build();
try
{
    await app.PrepareDatabaseAsync();
}
catch (DatabaseConfigurationException ex)
{
    // One clear line instead of a stack trace: the usual causes are a wrong connection string or a server down.
    await Console.Error.WriteLineAsync($"Cannot start: {ex.Message}");
    return 1;
}

app.UseStudyPipeline();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
