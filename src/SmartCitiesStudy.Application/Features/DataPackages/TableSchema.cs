using System.Text.Json.Nodes;

namespace SmartCitiesStudy.Application.Features.DataPackages;

/// <summary>
/// A Frictionless Table Schema field: <see cref="Type"/> is string, integer or number; <see cref="Enum"/> the allowed
/// values; <see cref="Pattern"/> a whole-value regular expression; <see cref="Minimum"/>/<see cref="Maximum"/> bounds.
/// An empty cell is a missing value, allowed unless <see cref="Required"/>.
/// </summary>
public sealed record TableField(string Name, string Type, string Description)
{
    public bool Required { get; init; }

    public IReadOnlyList<string>? Enum { get; init; }

    public string? Pattern { get; init; }

    public decimal? Minimum { get; init; }

    public decimal? Maximum { get; init; }

    public JsonObject ToJson()
    {
        var field = new JsonObject { ["name"] = Name, ["type"] = Type, ["description"] = Description };
        var constraints = new JsonObject();
        if (Required)
        {
            constraints["required"] = true;
        }

        if (Enum is { } values)
        {
            constraints["enum"] = new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
        }

        if (Pattern is { } pattern)
        {
            constraints["pattern"] = pattern;
        }

        if (Minimum is { } min)
        {
            constraints["minimum"] = min;
        }

        if (Maximum is { } max)
        {
            constraints["maximum"] = max;
        }

        if (constraints.Count > 0)
        {
            field["constraints"] = constraints;
        }

        return field;
    }
}

/// <summary>A foreign key: <see cref="Fields"/> of this table refer to <see cref="ReferenceFields"/> of <see cref="Resource"/>.</summary>
public sealed record TableForeignKey(IReadOnlyList<string> Fields, string Resource, IReadOnlyList<string> ReferenceFields);

/// <summary>A Frictionless Table Schema: the fields in column order, the primary key and the foreign keys.</summary>
public sealed record TableSchema(IReadOnlyList<TableField> Fields, IReadOnlyList<string> PrimaryKey, IReadOnlyList<TableForeignKey> ForeignKeys)
{
    public JsonObject ToJson()
    {
        var schema = new JsonObject
        {
            ["fields"] = new JsonArray([.. Fields.Select(f => (JsonNode?)f.ToJson())]),
            ["missingValues"] = new JsonArray(""),
            ["primaryKey"] = Strings(PrimaryKey),
        };
        if (ForeignKeys.Count > 0)
        {
            schema["foreignKeys"] = new JsonArray([.. ForeignKeys.Select(k => (JsonNode?)new JsonObject
            {
                ["fields"] = Strings(k.Fields),
                ["reference"] = new JsonObject { ["resource"] = k.Resource, ["fields"] = Strings(k.ReferenceFields) },
            })]);
        }

        return schema;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
