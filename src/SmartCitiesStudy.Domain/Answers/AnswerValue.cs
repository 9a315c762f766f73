using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartCitiesStudy.Domain.Answers;

/// <summary>
/// One answer, whatever the question type: yes/no in <see cref="Bool"/>, a number in <see cref="Number"/>, text in
/// <see cref="Text"/>, chosen option codes in <see cref="Codes"/> (with the "other" text in <see cref="Other"/>),
/// a group's ordered item ids in <see cref="Items"/>. Stored as compact JSON; culture-invariant.
/// </summary>
public sealed record AnswerValue
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public bool? Bool { get; init; }

    public decimal? Number { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<string>? Codes { get; init; }

    public string? Other { get; init; }

    public IReadOnlyList<string>? Items { get; init; }

    [JsonIgnore]
    public bool IsEmpty =>
        Bool is null && Number is null && string.IsNullOrWhiteSpace(Text) && Codes is not { Count: > 0 } && Items is not { Count: > 0 };

    public static AnswerValue Yes { get; } = new() { Bool = true };

    public static AnswerValue No { get; } = new() { Bool = false };

    public static AnswerValue Empty { get; } = new();

    public static AnswerValue OfBool(bool value) => value ? Yes : No;

    public static AnswerValue OfNumber(decimal value) => new() { Number = value };

    public static AnswerValue OfText(string value) => new() { Text = value };

    public static AnswerValue OfChoice(string code, string? other = null) => new() { Codes = [code], Other = other };

    public static AnswerValue OfChoices(IEnumerable<string> codes, string? other = null) => new() { Codes = [.. codes], Other = other };

    public static AnswerValue OfItems(IEnumerable<string> itemIds) => new() { Items = [.. itemIds] };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AnswerValue FromJson(string json) =>
        JsonSerializer.Deserialize<AnswerValue>(json, Json) ?? Empty;

    /// <summary>Value equality, lists compared item by item (record equality compares list references).</summary>
    public bool SameAs(AnswerValue? other) =>
        other is not null
        && Bool == other.Bool && Number == other.Number && Text == other.Text && Other == other.Other
        && (Codes ?? []).SequenceEqual(other.Codes ?? []) && (Items ?? []).SequenceEqual(other.Items ?? []);

    /// <summary>A short, culture-invariant rendering for audit trails and exports: "yes", "30.5", "a|b", text.</summary>
    public string Display()
    {
        if (Bool is { } b)
        {
            return b ? "yes" : "no";
        }

        if (Number is { } n)
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }

        if (Codes is { Count: > 0 })
        {
            var codes = string.Join('|', Codes);
            return Other is null ? codes : $"{codes} ({Other})";
        }

        if (Items is { Count: > 0 })
        {
            return $"{Items.Count} item(s)";
        }

        return Text ?? string.Empty;
    }
}
