using System.Text.Encodings.Web;
using System.Text.Json;

namespace SmartCitiesStudy.Application.Features.Indicators;

/// <summary>
/// The JSON of <c>GET /api/v1/trends</c> (<c>[{ "id", "label", "editions": [{ "edition", "numerator", "denominator",
/// "percent" }] }]</c>) and <c>GET /api/v1/factors</c> (<c>{ "barriers": [{ "concept", "label", "editions" }],
/// "facilitators": [ … ] }</c>); labels in English, percentages with one decimal like the indicators document.
/// </summary>
public static class FollowedFiguresJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static byte[] WriteTrends(IReadOnlyList<FollowedFigure> trends) => Write(writer => WriteList(writer, null, "id", trends));

    public static byte[] WriteFactors(FollowedFactors factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        return Write(writer =>
        {
            writer.WriteStartObject();
            WriteList(writer, "barriers", "concept", factors.Barriers);
            WriteList(writer, "facilitators", "concept", factors.Facilitators);
            writer.WriteEndObject();
        });
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            body(writer);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void WriteList(Utf8JsonWriter writer, string? name, string idName, IReadOnlyList<FollowedFigure> figures)
    {
        if (name is null)
        {
            writer.WriteStartArray();
        }
        else
        {
            writer.WriteStartArray(name);
        }

        foreach (var figure in figures)
        {
            writer.WriteStartObject();
            writer.WriteString(idName, figure.Id);
            writer.WriteString("label", figure.Label.En);
            writer.WriteStartArray("editions");
            foreach (var point in figure.Editions)
            {
                writer.WriteStartObject();
                writer.WriteString("edition", point.Edition);
                Number(writer, "numerator", point.Numerator);
                Number(writer, "denominator", point.Denominator);
                writer.WritePropertyName("percent");
                if (point.Percent is { } percent)
                {
                    writer.WriteRawValue(IndicatorJson.Format(percent), skipInputValidation: true);
                }
                else
                {
                    writer.WriteNullValue();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
