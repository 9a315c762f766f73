using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace SmartCitiesStudy.Domain.Questionnaires;

/// <summary>
/// A <c>sameAs</c> link: <c>"&lt;edition&gt;:&lt;question&gt;"</c> on a question,
/// <c>"&lt;edition&gt;:&lt;question&gt;/&lt;option&gt;"</c> on an option.
/// </summary>
public sealed partial record SameAsLink(string Edition, string Question, string? Option)
{
    public static bool TryParse(string? value, [NotNullWhen(true)] out SameAsLink? link)
    {
        link = null;
        if (value is null)
        {
            return false;
        }

        var match = Pattern().Match(value);
        if (!match.Success || match.Groups["question"].Length > DefinitionValidator.MaxCodeLength
            || match.Groups["option"].Length > DefinitionValidator.MaxCodeLength)
        {
            return false;
        }

        link = new SameAsLink(
            match.Groups["edition"].Value,
            match.Groups["question"].Value,
            match.Groups["option"].Success ? match.Groups["option"].Value : null);
        return true;
    }

    public override string ToString() => Option is null ? $"{Edition}:{Question}" : $"{Edition}:{Question}/{Option}";

    [GeneratedRegex("^(?<edition>[A-Za-z0-9-]{1,16}):(?<question>[a-z][a-z0-9_]*)(/(?<option>[a-z][a-z0-9_]*))?$")]
    private static partial Regex Pattern();
}
