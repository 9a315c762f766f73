using Microsoft.Extensions.Configuration;

namespace SmartCitiesStudy.Infrastructure.Reports;

/// <summary>
/// Where Chromium is (<c>Reports:ChromiumPath</c>, else the environment variable <c>SCS_CHROMIUM</c>, else
/// /usr/bin/chromium) and how many pages print at once (<c>Reports:Pages</c>, default 2).
/// </summary>
public sealed record ChromiumOptions(string ExecutablePath, int Pages)
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static IReadOnlyList<string> LaunchArguments { get; } =
        ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static ChromiumOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration["Reports:ChromiumPath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Environment.GetEnvironmentVariable("SCS_CHROMIUM");
        }

        return new ChromiumOptions(
            string.IsNullOrWhiteSpace(path) ? DefaultPath : path,
            Math.Clamp(configuration.GetValue("Reports:Pages", 2), 1, 8));
    }
}
