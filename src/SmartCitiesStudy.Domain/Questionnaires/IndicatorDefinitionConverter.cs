using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartCitiesStudy.Domain.Questionnaires;

/// <summary>Reads and writes <c>"indicator"</c>: <c>{ "kind", "label" }</c>, or <c>false</c> to opt out.</summary>
internal sealed class IndicatorDefinitionConverter : JsonConverter<IndicatorDefinition>
{
    public override IndicatorDefinition? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.False:
                return IndicatorDefinition.OptedOut;
            case JsonTokenType.True:
                throw new JsonException("\"indicator\": true is not needed: a yes/no, choice or number question has its figure by default; give { \"kind\", \"label\" } to change it, or false to leave it out.");
            default:
                var form = JsonSerializer.Deserialize<Form>(ref reader, options);
                return form is null ? null : new IndicatorDefinition(form.Kind, form.Label);
        }
    }

    public override void Write(Utf8JsonWriter writer, IndicatorDefinition value, JsonSerializerOptions options)
    {
        if (value.IsOptedOut)
        {
            writer.WriteBooleanValue(false);
        }
        else
        {
            JsonSerializer.Serialize(writer, new Form(value.Kind, value.Label), options);
        }
    }

    private sealed record Form(IndicatorKind Kind, LocalizedText Label);
}
