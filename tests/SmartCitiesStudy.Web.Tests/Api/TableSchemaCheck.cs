using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SmartCitiesStudy.Web.Tests.Api;

/// <summary>
/// An independent check of CSV files against their Frictionless Table Schemas (not the portal's code): the header is
/// the fields in order; each cell has its field's type (integer, number, string) and satisfies its constraints
/// (required, enum, pattern, minimum, maximum); the primary key is never empty and unique; every foreign key resolves.
/// Empty cells are missing values.
/// </summary>
internal static class TableSchemaCheck
{
    public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

    /// <summary>The problems of every resource of a package descriptor, given each resource's CSV by its path.</summary>
    public static List<string> Check(JsonElement descriptor, IReadOnlyDictionary<string, string> files)
    {
        var problems = new List<string>();
        var tables = new Dictionary<string, (Table Table, JsonElement Schema)>(StringComparer.Ordinal);
        foreach (var resource in descriptor.GetProperty("resources").EnumerateArray())
        {
            var name = resource.GetProperty("name").GetString()!;
            var path = resource.GetProperty("path").GetString()!;
            if (!files.TryGetValue(path, out var csv))
            {
                problems.Add($"{name}: no file {path}");
                continue;
            }

            tables[name] = (Parse(csv), resource.GetProperty("schema"));
        }

        foreach (var (name, (table, schema)) in tables)
        {
            CheckTable(name, table, schema, tables, problems);
        }

        return problems;
    }

    private static void CheckTable(string name, Table table, JsonElement schema, Dictionary<string, (Table Table, JsonElement Schema)> tables, List<string> problems)
    {
        var fields = schema.GetProperty("fields").EnumerateArray().ToList();
        var names = fields.Select(f => f.GetProperty("name").GetString()!).ToList();
        if (!names.SequenceEqual(table.Header))
        {
            problems.Add($"{name}: header [{string.Join(',', table.Header)}] is not the fields [{string.Join(',', names)}]");
            return;
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            if (row.Count != fields.Count)
            {
                problems.Add($"{name} row {r + 2}: {row.Count} cells for {fields.Count} fields");
                continue;
            }

            for (var c = 0; c < fields.Count; c++)
            {
                if (CheckCell(fields[c], row[c]) is { } problem)
                {
                    problems.Add($"{name} row {r + 2}, {names[c]} '{row[c]}': {problem}");
                }
            }
        }

        var key = schema.GetProperty("primaryKey").EnumerateArray().Select(k => names.IndexOf(k.GetString()!)).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows.Where(r => r.Count == fields.Count))
        {
            var value = string.Join('\u0001', key.Select(i => row[i]));
            if (key.Any(i => row[i].Length == 0) || !seen.Add(value))
            {
                problems.Add($"{name}: primary key '{value.Replace('\u0001', '/')}' is empty or repeated");
            }
        }

        if (!schema.TryGetProperty("foreignKeys", out var foreignKeys))
        {
            return;
        }

        foreach (var foreignKey in foreignKeys.EnumerateArray())
        {
            var own = foreignKey.GetProperty("fields").EnumerateArray().Select(f => names.IndexOf(f.GetString()!)).ToList();
            var reference = foreignKey.GetProperty("reference");
            var target = tables[reference.GetProperty("resource").GetString()!].Table;
            var targetFields = reference.GetProperty("fields").EnumerateArray().Select(f => target.Header.ToList().IndexOf(f.GetString()!)).ToList();
            var known = target.Rows.Select(t => string.Join('\u0001', targetFields.Select(i => t[i]))).ToHashSet(StringComparer.Ordinal);
            foreach (var row in table.Rows.Where(r => r.Count == fields.Count && own.Any(i => r[i].Length > 0)))
            {
                var value = string.Join('\u0001', own.Select(i => row[i]));
                if (!known.Contains(value))
                {
                    problems.Add($"{name}: foreign key '{value.Replace('\u0001', '/')}' has no row in {reference.GetProperty("resource").GetString()}");
                }
            }
        }
    }

    private static string? CheckCell(JsonElement field, string cell)
    {
        var constraints = field.TryGetProperty("constraints", out var found) ? found : default;
        bool Has(string property, out JsonElement value)
        {
            value = default;
            return constraints.ValueKind == JsonValueKind.Object && constraints.TryGetProperty(property, out value);
        }

        if (cell.Length == 0)
        {
            return Has("required", out var required) && required.GetBoolean() ? "required but empty" : null;
        }

        decimal? number = null;
        switch (field.GetProperty("type").GetString())
        {
            case "integer":
                if (!Regex.IsMatch(cell, "^[+-]?[0-9]+$") || !long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    return "not an integer";
                }

                number = integer;
                break;
            case "number":
                if (!Regex.IsMatch(cell, "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?$") || !decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    return "not a number";
                }

                number = parsed;
                break;
            case "string":
                break;
            default:
                return "unknown type " + field.GetProperty("type").GetString();
        }

        if (Has("enum", out var values) && !values.EnumerateArray().Any(v => v.GetString() == cell))
        {
            return "not one of the enum";
        }

        if (Has("pattern", out var pattern) && !Regex.IsMatch(cell, "^(?:" + pattern.GetString() + ")$"))
        {
            return "does not match the pattern";
        }

        if (Has("minimum", out var minimum) && number < minimum.GetDecimal())
        {
            return "below the minimum";
        }

        return Has("maximum", out var maximum) && number > maximum.GetDecimal() ? "above the maximum" : null;
    }

    /// <summary>RFC 4180: fields separated by commas, quoted when they hold commas, quotes or line breaks; CRLF rows.</summary>
    public static Table Parse(string csv)
    {
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }

        return new Table(rows[0], rows.Skip(1).ToList());
    }
}
