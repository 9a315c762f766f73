using System.Reflection;

namespace SmartCitiesStudy.Infrastructure.Archive;

/// <summary>
/// What the publications of the historical editions state (Archive/*.json, embedded; ADR 0013), by edition code.
/// 2017 comes from ../shared/data/study-2017-indicators.md and seed 003; 2012 and 2019 give only what the seeds say.
/// </summary>
public static class ShippedPublications
{
    private static readonly Assembly Assembly = typeof(ShippedPublications).Assembly;

    /// <returns>The file's JSON, or null when nothing is shipped for that edition.</returns>
    public static string? Read(string editionCode)
    {
        using var stream = Assembly.GetManifestResourceStream($"Archive/{editionCode}.json");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
