using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartCitiesStudy.Application.Features.Texts;

/// <summary>
/// The file <c>report text export</c> writes and <c>report text import</c> reads: every block and language of an
/// edition. <c>{"edition": "2017", "texts": [{"block": "foreword", "language": "en", "markdown": "…"}]}</c>.
/// </summary>
public static class TextsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(string editionCode, IEnumerable<EditionTextRow> rows) =>
        JsonSerializer.Serialize(
            new TextsFile(editionCode, [.. rows.Select(r => new TextInput(r.Block, r.Language, r.Markdown, r.SignatoryName, r.SignatoryTitle))]),
            Options);

    /// <returns>The texts, or an error saying what is wrong with the file.</returns>
    public static (TextsFile? File, string? Error) Parse(string json)
    {
        try
        {
            var file = JsonSerializer.Deserialize<TextsFile>(json, Options);
            if (file?.Texts is null)
            {
                return (null, "The file has no \"texts\" list.");
            }

            for (var i = 0; i < file.Texts.Count; i++)
            {
                if (file.Texts[i] is not { Block: not null, Language: not null, Markdown: not null })
                {
                    return (null, $"Text {i + 1} lacks \"block\", \"language\" or \"markdown\".");
                }
            }

            return (file, null);
        }
        catch (JsonException ex)
        {
            return (null, $"The file is not valid JSON: {ex.Message}");
        }
    }
}

/// <summary>The texts file's shape.</summary>
public sealed record TextsFile(string? Edition, IReadOnlyList<TextInput> Texts);
