using System.Globalization;
using System.Text.RegularExpressions;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Infrastructure.Questionnaires.XlsForm;

/// <summary>
/// One sheet of an XLSForm workbook read as text: its header row (row 1) and its rows, numbered as Excel shows them.
/// Translated columns are <c>label::English (en)</c>, <c>label::es</c> or plain <c>label</c> (English).
/// </summary>
internal sealed partial class XlsFormSheet
{
    private readonly Dictionary<string, string> _letters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Column, string Language), string> _translated = [];

    public XlsFormSheet(string name, List<IDictionary<string, object?>> rows, ICollection<string> known, ICollection<string> translatable, List<DefinitionProblem> problems)
    {
        Name = name;
        if (rows.Count == 0)
        {
            return;
        }

        foreach (var (letter, value) in rows[0])
        {
            var header = Cell(value);
            if (header is null)
            {
                continue;
            }

            var sep = header.IndexOf("::", StringComparison.Ordinal);
            var column = sep < 0 ? header : header[..sep];
            if (translatable.Contains(column))
            {
                var language = sep < 0 ? "en" : Language(header[(sep + 2)..]);
                if (language is null)
                {
                    problems.Add(new DefinitionProblem($"{name} row 1, column {header} ({letter})", "The portal's languages are English (en), Español (es) and Français (fr)."));
                    continue;
                }

                _translated[(column, language)] = letter;
                _letters[header] = letter;
            }
            else if (known.Contains(header))
            {
                _letters[header] = letter;
            }
            else if (rows.Skip(1).Any(r => r.TryGetValue(letter, out var v) && Cell(v) is not null))
            {
                problems.Add(new DefinitionProblem($"{name} row 1, column {header} ({letter})", "This column is not one the portal reads; remove it or leave it empty."));
            }
        }

        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].Values.Any(v => Cell(v) is not null))
            {
                Rows.Add(new Row(this, i + 1, rows[i]));
            }
        }
    }

    public string Name { get; }

    public List<Row> Rows { get; } = [];

    public string Where(int row, string column)
    {
        var letter = _letters.GetValueOrDefault(column) ?? _translated.FirstOrDefault(t => XlsFormColumns.Translated(t.Key.Column, t.Key.Language) == column).Value;
        return letter is null ? $"{Name} row {row}, column {column}" : $"{Name} row {row}, column {column} ({letter})";
    }

    private static string? Cell(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s,
        double d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text : null,
    };

    private static string? Language(string suffix)
    {
        var trimmed = suffix.Trim();
        var inParentheses = LanguageCode().Match(trimmed);
        var code = inParentheses.Success ? inParentheses.Groups[1].Value.ToLowerInvariant() : trimmed.ToLowerInvariant() switch
        {
            "english" => "en",
            "español" or "espanol" or "spanish" => "es",
            "français" or "francais" or "french" => "fr",
            var other => other,
        };
        return code is "en" or "es" or "fr" ? code : null;
    }

    [GeneratedRegex(@"\(([A-Za-z]{2})\)$")]
    private static partial Regex LanguageCode();

    internal sealed class Row(XlsFormSheet sheet, int number, IDictionary<string, object?> cells)
    {
        public int Number { get; } = number;

        public XlsFormSheet Sheet => sheet;

        public string Where(string column) => sheet.Where(Number, column);

        public string? Get(string column) =>
            sheet._letters.TryGetValue(column, out var letter) && cells.TryGetValue(letter, out var value) ? Cell(value) : null;

        /// <summary>The texts of a translated column; null when every language is empty.</summary>
        public LocalizedText? Text(string column)
        {
            string? Read(string language) =>
                sheet._translated.TryGetValue((column, language), out var letter) && cells.TryGetValue(letter, out var value) ? Cell(value) : null;

            var (en, es, fr) = (Read("en"), Read("es"), Read("fr"));
            return en is null && es is null && fr is null ? null : new LocalizedText(en, es, fr);
        }
    }
}
