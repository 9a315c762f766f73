using System.Reflection;

namespace SmartCitiesStudy.Infrastructure.Questionnaires;

/// <summary>The questionnaires shipped with the portal (Questionnaires/*.json, embedded), by edition code.</summary>
public static class ShippedQuestionnaires
{
    private static readonly Assembly Assembly = typeof(ShippedQuestionnaires).Assembly;

    public static IReadOnlyList<string> EditionCodes { get; } =
    [
        .. Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Questionnaires/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n["Questionnaires/".Length..^".json".Length])
            .Order(StringComparer.Ordinal),
    ];

    /// <returns>The file's JSON, or null when no questionnaire is shipped for that edition.</returns>
    public static string? Read(string editionCode)
    {
        using var stream = Assembly.GetManifestResourceStream($"Questionnaires/{editionCode}.json");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
