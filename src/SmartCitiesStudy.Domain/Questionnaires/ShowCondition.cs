using System.Text.Json.Serialization;

namespace SmartCitiesStudy.Domain.Questionnaires;

/// <summary>
/// When a question is shown: only while an earlier question's answer is <see cref="EqualTo"/> ("yes", "no" or an
/// option code) or any of <see cref="AnyOf"/>. JSON: <c>{ "question": "ss_strategy", "equals": "yes" }</c>.
/// </summary>
public sealed record ShowCondition(
    string Question,
    [property: JsonPropertyName("equals")] string? EqualTo = null,
    IReadOnlyList<string>? AnyOf = null)
{
    /// <summary>The answers that make the question visible.</summary>
    public IReadOnlyList<string> AcceptedValues => EqualTo is not null ? [EqualTo] : AnyOf ?? [];
}
