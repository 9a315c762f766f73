using System.Text.Json;
using System.Text.Json.Serialization;
using SmartCitiesStudy.Domain.Archive;
using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Application.Features.Archive;

/// <summary>
/// The JSON form of a <see cref="PublishedStudy"/> (camelCase; regions by name, bands by their public code), as
/// shipped in Infrastructure/Archive and stored in <c>published_records</c>. Strict: unknown properties are errors.
/// </summary>
public static class PublishedStudyJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<Region>(), new BandConverter() },
    };

    public static PublishedStudy Parse(string json) =>
        JsonSerializer.Deserialize<PublishedStudy>(json, Options) ?? throw new JsonException("A published study cannot be null.");

    public static string Write(PublishedStudy study) => JsonSerializer.Serialize(study, Options);

    private sealed class BandConverter : JsonConverter<PopulationBand>
    {
        public override PopulationBand Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            PopulationBands.TryParse(reader.GetString(), out var band) ? band.Value : throw new JsonException($"Unknown population band '{reader.GetString()}'.");

        public override void Write(Utf8JsonWriter writer, PopulationBand value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code());
    }
}
