using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SmartCitiesStudy.Domain.Indicators;

namespace SmartCitiesStudy.Application.Features.Indicators;

/// <summary>
/// The one JSON rendering of an <see cref="IndicatorDocument"/>, used by the CLI and the open-data API so both give
/// the same bytes: the property names and order of the public contract, camelCase, invariant numbers with one
/// decimal (75.0), null percentages written as null, indented, ending with a newline. <c>source</c> says whether the
/// figures are computed from approved responses (<c>responses</c>) or as an edition's publication printed them
/// (<c>published</c>, ADR 0013: numbers it does not give are null, and a <c>note</c> explains a figure where needed).
/// </summary>
public static class IndicatorJson
{
    public const string ContentType = "application/json; charset=utf-8";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static string Write(IndicatorDocument document) => Encoding.UTF8.GetString(WriteUtf8(document));

    public static byte[] WriteUtf8(IndicatorDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("edition", document.Edition);
            writer.WriteNumber("respondents", document.Respondents);
            writer.WriteString("source", document.Source.Code());
            if (document.Source == FiguresSource.Published)
            {
                writer.WriteStartObject("questionnaire");
                writer.WriteBoolean("reconstructed", document.QuestionnaireReconstructed);
                writer.WriteEndObject();
            }

            writer.WriteStartArray("indicators");
            foreach (var indicator in document.Indicators)
            {
                WriteIndicator(writer, indicator, document.Source);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>A cross-edition trend: <c>{ "id": …, "points": [ { "edition", "year", "respondents", "indicator": {…} } ] }</c>.</summary>
    public static byte[] WriteTrendUtf8(string indicatorId, IReadOnlyList<TrendPoint> points)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("id", indicatorId);
            writer.WriteStartArray("points");
            foreach (var point in points)
            {
                writer.WriteStartObject();
                writer.WriteString("edition", point.Edition);
                writer.WriteNumber("year", point.Year);
                writer.WriteNumber("respondents", point.Respondents);
                writer.WritePropertyName("indicator");
                WriteIndicator(writer, point.Indicator, point.Source);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void WriteIndicator(Utf8JsonWriter writer, Indicator indicator, FiguresSource source)
    {
        writer.WriteStartObject();
        writer.WriteString("id", indicator.Id);
        writer.WriteString("kind", indicator.KindCode);
        indicator.Switch(
            share =>
            {
                writer.WriteNumber("numerator", share.Numerator);
                writer.WriteNumber("denominator", share.Denominator);
                WriteDecimal(writer, "percent", share.Percent);
                writer.WriteNumber("missing", share.Missing);
                WriteGroups(writer, "byRegion", share.ByRegion);
                WriteGroups(writer, "byPopulationBand", share.ByPopulationBand);
            },
            choice =>
            {
                WriteInt(writer, "denominator", choice.Denominator);
                WriteInt(writer, "missing", choice.Missing);
                writer.WriteStartArray("options");
                foreach (var option in choice.Options)
                {
                    writer.WriteStartObject();
                    writer.WriteString("code", option.Code);
                    WriteInt(writer, "numerator", option.Numerator);
                    WriteDecimal(writer, "percent", option.Percent);
                    if (option.ByRegion is { } byRegion)
                    {
                        WriteGroups(writer, "byRegion", byRegion);
                    }

                    if (option.ByPopulationBand is { } byBand)
                    {
                        WriteGroups(writer, "byPopulationBand", byBand);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            },
            mean =>
            {
                WriteInt(writer, "n", mean.N);
                WriteInt(writer, "missing", mean.Missing);
                WriteDecimal(writer, "mean", mean.Mean);
                WriteDecimal(writer, "median", mean.Median);
                if (source == FiguresSource.Responses)
                {
                    WriteDecimal(writer, "lowerQuartile", mean.LowerQuartile);
                    WriteDecimal(writer, "upperQuartile", mean.UpperQuartile);
                }
            });

        if (indicator.Note is { } note)
        {
            writer.WriteString("note", note);
        }

        writer.WriteEndObject();
    }

    private static void WriteGroups(Utf8JsonWriter writer, string name, IReadOnlyList<GroupShare> groups)
    {
        writer.WriteStartArray(name);
        foreach (var group in groups)
        {
            writer.WriteStartObject();
            writer.WriteString("group", group.Group);
            writer.WriteNumber("numerator", group.Numerator);
            writer.WriteNumber("denominator", group.Denominator);
            WriteDecimal(writer, "percent", group.Percent);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteInt(Utf8JsonWriter writer, string name, int? value)
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

    // Always one decimal ("75.0"), whatever the decimal's internal scale.
    private static void WriteDecimal(Utf8JsonWriter writer, string name, decimal? value)
    {
        writer.WritePropertyName(name);
        if (value is { } v)
        {
            writer.WriteRawValue(Format(v), skipInputValidation: true);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    public static string Format(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
