using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SmartCitiesStudy.Domain.Questionnaires;

/// <summary>
/// Reads and writes the questionnaire definition format (docs/questionnaire-format.md). Reading is strict: unknown
/// properties, wrong types and missing required properties are problems with their JSON path.
/// </summary>
public static class QuestionnaireJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Parses and validates a definition. The definition is null when there is any error.</summary>
    public static (QuestionnaireDefinition? Definition, DefinitionReport Report) Parse(string json)
    {
        QuestionnaireDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<QuestionnaireDefinition>(json, Options);
        }
        catch (JsonException ex)
        {
            return (null, new DefinitionReport([new DefinitionProblem(ex.Path ?? "$", Describe(ex))], []));
        }

        if (definition is null)
        {
            return (null, new DefinitionReport([new DefinitionProblem("$", "The file holds no questionnaire (it is empty or null).")], []));
        }

        var report = DefinitionValidator.Validate(definition);
        return (report.IsValid ? definition : null, report);
    }

    public static string Write(QuestionnaireDefinition definition) => JsonSerializer.Serialize(definition, Options);

    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        if (ex.LineNumber is { } line)
        {
            message += $" (line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1})";
        }

        return message.Replace("System.Collections.Generic.", string.Empty, StringComparison.Ordinal)
            .Replace("SmartCitiesStudy.Domain.Questionnaires.", string.Empty, StringComparison.Ordinal);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            IndentSize = 2,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Skip,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipEmptyCollectionsAndFalse, SkipDerivedMembers } },
        };
        options.Converters.Add(new JsonStringEnumConverter<QuestionType>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<IndicatorKind>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new IndicatorDefinitionConverter());
        options.MakeReadOnly();
        return options;
    }

    // Empty lists ("options": []) and false flags ("required": false) are noise in the files: leave them out.
    private static void SkipEmptyCollectionsAndFalse(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (typeof(IEnumerable).IsAssignableFrom(property.PropertyType) && property.PropertyType != typeof(string))
            {
                property.ShouldSerialize = (_, value) => value is not (null or ICollection { Count: 0 });
            }
            else if (property.PropertyType == typeof(bool))
            {
                property.ShouldSerialize = (_, value) => value is true;
            }
        }
    }

    // Computed members (Questions on a section, EffectiveMaxLength, …) have no setter: not part of the format.
    private static void SkipDerivedMembers(JsonTypeInfo typeInfo)
    {
        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            if (typeInfo.Properties[i].Set is null)
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }
}
