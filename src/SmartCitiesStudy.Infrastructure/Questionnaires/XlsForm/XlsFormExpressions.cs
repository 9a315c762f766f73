using System.Globalization;
using System.Text.RegularExpressions;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Infrastructure.Questionnaires.XlsForm;

/// <summary>
/// The XLSForm expressions the portal writes and reads: <c>relevant</c> (<c>${ss_strategy} = 'yes'</c>,
/// <c>selected(${x}, 'a') or selected(${x}, 'b')</c>) and <c>constraint</c> (<c>. &gt;= 0 and . &lt;= 100</c>,
/// <c>string-length(.) &lt;= 200</c>, <c>count-selected(.) &lt;= 3</c>). Other expressions are refused with an example.
/// </summary>
public static partial class XlsFormExpressions
{
    public static LocalizedText Yes { get; } = new("Yes", "Sí", "Oui");

    public static LocalizedText No { get; } = new("No", "No", "Non");

    public static string Relevant(ShowCondition condition) => condition.EqualTo is { } value
        ? $"${{{condition.Question}}} = '{value}'"
        : string.Join(" or ", (condition.AnyOf ?? []).Select(v => $"selected(${{{condition.Question}}}, '{v}')"));

    /// <returns>The condition, or null with <paramref name="error"/> set.</returns>
    public static ShowCondition? ParseRelevant(string text, out string? error)
    {
        error = null;
        var trimmed = text.Trim();
        if (EqualsPattern().Match(trimmed) is { Success: true } equals)
        {
            return new ShowCondition(equals.Groups["q"].Value, equals.Groups["v"].Value);
        }

        var parts = OrPattern().Split(trimmed);
        string? question = null;
        var values = new List<string>();
        foreach (var part in parts)
        {
            var selected = SelectedPattern().Match(part.Trim());
            if (!selected.Success || (question is not null && question != selected.Groups["q"].Value))
            {
                error = $"'{text}' is not a condition the portal reads: write ${{question}} = 'yes' or selected(${{question}}, 'option') [or selected(${{question}}, 'other_option') …] on one question.";
                return null;
            }

            question = selected.Groups["q"].Value;
            values.Add(selected.Groups["v"].Value);
        }

        return new ShowCondition(question!, AnyOf: values);
    }

    /// <summary>The limits of a <c>constraint</c>; <paramref name="error"/> set when a clause is not one of ours.</summary>
    public static Limits ParseConstraint(string text, out string? error)
    {
        error = null;
        var limits = new Limits();
        foreach (var clause in AndPattern().Split(text.Trim()))
        {
            var match = ClausePattern().Match(clause.Trim());
            if (!match.Success || !decimal.TryParse(match.Groups["n"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            {
                error = $"'{clause.Trim()}' is not a constraint the portal reads: write . >= 0, . <= 100, string-length(.) <= 200 or count-selected(.) <= 3, joined by 'and'.";
                return limits;
            }

            var whole = number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue ? (int?)(int)number : null;
            switch (match.Groups["f"].Value, match.Groups["op"].Value)
            {
                case ("", ">="): limits.Min = number; break;
                case ("", "<="): limits.Max = number; break;
                case ("string-length", "<=") when whole is not null: limits.MaxLength = whole; break;
                case ("count-selected", "<=") when whole is not null: limits.MaxChoices = whole; break;
                default:
                    error = $"'{clause.Trim()}' is not a constraint the portal reads: write . >= 0, . <= 100, string-length(.) <= 200 or count-selected(.) <= 3, joined by 'and'.";
                    return limits;
            }
        }

        return limits;
    }

    public sealed class Limits
    {
        public decimal? Min { get; set; }

        public decimal? Max { get; set; }

        public int? MaxLength { get; set; }

        public int? MaxChoices { get; set; }
    }

    [GeneratedRegex(@"^\$\{(?<q>[^}]+)\}\s*=\s*'(?<v>[^']*)'$")]
    private static partial Regex EqualsPattern();

    [GeneratedRegex(@"^selected\(\s*\$\{(?<q>[^}]+)\}\s*,\s*'(?<v>[^']*)'\s*\)$")]
    private static partial Regex SelectedPattern();

    [GeneratedRegex(@"\s+or\s+")]
    private static partial Regex OrPattern();

    [GeneratedRegex(@"\s+and\s+")]
    private static partial Regex AndPattern();

    [GeneratedRegex(@"^(?:(?<f>string-length|count-selected)\(\s*\.\s*\)|\.)\s*(?<op>>=|<=)\s*(?<n>-?[0-9]+(?:\.[0-9]+)?)$")]
    private static partial Regex ClausePattern();
}
