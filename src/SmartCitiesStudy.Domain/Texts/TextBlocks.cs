using System.Text.RegularExpressions;
using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Texts;

/// <summary>
/// The names of an edition's editorial blocks, as the 2017 publication orders them: foreword, chapter 1 (uclg,
/// concept, factors), chapter 2 (approach, objectives, methodology, cities), one introduction per field
/// (<c>field:CODE</c>), analysis after a sub-area's figures (<c>subsection:CODE</c>), chapter 4 (barriers,
/// facilitators) and chapter 5 (conclusions).
/// </summary>
public static partial class TextBlocks
{
    public const string Foreword = "foreword";
    public const string Uclg = "uclg";
    public const string Concept = "concept";
    public const string Factors = "factors";
    public const string Approach = "approach";
    public const string Objectives = "objectives";
    public const string Methodology = "methodology";
    public const string Cities = "cities";
    public const string Barriers = "barriers";
    public const string Facilitators = "facilitators";
    public const string Conclusions = "conclusions";
    public const string FieldPrefix = "field:";
    public const string SubsectionPrefix = "subsection:";
    public const int MaxNameLength = 80;

    /// <summary>The fixed blocks in reading order (field and subsection blocks sit between cities and barriers).</summary>
    public static IReadOnlyList<string> Fixed { get; } =
        [Foreword, Uclg, Concept, Factors, Approach, Objectives, Methodology, Cities, Barriers, Facilitators, Conclusions];

    public static string Field(string sectionCode) => FieldPrefix + sectionCode;

    public static string Subsection(string subsectionCode) => SubsectionPrefix + subsectionCode;

    /// <summary>Checks a block name's shape (the questionnaire decides whether a field or subsection code exists).</summary>
    public static string Validate(string? name)
    {
        var value = (name ?? string.Empty).Trim();
        var valid = value.Length <= MaxNameLength && (Fixed.Contains(value)
            || (value.StartsWith(FieldPrefix, StringComparison.Ordinal) && CodePattern().IsMatch(value[FieldPrefix.Length..]))
            || (value.StartsWith(SubsectionPrefix, StringComparison.Ordinal) && CodePattern().IsMatch(value[SubsectionPrefix.Length..])));
        return valid
            ? value
            : throw new DomainRuleException(
                "text.block",
                $"'{value}' is not a text block: use one of {string.Join(", ", Fixed)}, field:<section code> or subsection:<subsection code>.");
    }

    [GeneratedRegex("^[a-z0-9_]{1,64}$")]
    private static partial Regex CodePattern();
}
