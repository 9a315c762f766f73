using Microsoft.Extensions.FileProviders;

namespace SmartCitiesStudy.Web.Hosting;

/// <summary>
/// Outside Development the app serves the styles and scripts of MudBlazor and Blazor only from its <c>wwwroot</c>, which
/// <c>dotnet publish</c> fills; a plain <c>dotnet build</c> output lacks them, and its pages come unstyled and never
/// become interactive. Says so at start, in one warning that names the fix.
/// </summary>
public static partial class StaticAssetsCheck
{
    /// <summary>A file every portal page needs, present in published output only.</summary>
    public const string Probe = "_content/MudBlazor/MudBlazor.min.css";

    /// <summary>Whether the web root lacks the packages' static files.</summary>
    public static bool Missing(IFileProvider webRoot) => !webRoot.GetFileInfo(Probe).Exists;

    /// <summary>Logs the warning when the app runs outside Development without its static files.</summary>
    public static void WarnIfMissing(IWebHostEnvironment environment, ILogger logger)
    {
        if (!environment.IsDevelopment() && Missing(environment.WebRootFileProvider))
        {
            LogMissing(logger, Probe, environment.WebRootPath ?? "(none)");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Static files are missing ({Probe} not under {WebRoot}): pages will be unstyled and never interactive. Outside Development run the output of `dotnet publish`, not of `dotnet build` (README, Production).")]
    private static partial void LogMissing(ILogger logger, string probe, string webRoot);
}
