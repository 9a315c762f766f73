using System.Reflection;

namespace SmartCitiesStudy.Infrastructure.Texts;

/// <summary>The editorial texts shipped for the historical editions (Texts/{code}.json, in the texts file format).</summary>
public static class ShippedTexts
{
    private static readonly Assembly Assembly = typeof(ShippedTexts).Assembly;

    /// <returns>The file's JSON, or null when nothing is shipped for that edition.</returns>
    public static string? Read(string editionCode)
    {
        using var stream = Assembly.GetManifestResourceStream($"Texts/{editionCode}.json");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
