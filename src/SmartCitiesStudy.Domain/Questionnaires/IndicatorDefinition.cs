namespace SmartCitiesStudy.Domain.Questionnaires;

/// <summary>How a question's answers become a published figure.</summary>
public enum IndicatorKind
{
    /// <summary>Share of "yes" among the cities that answered (yes/no questions).</summary>
    Share,

    /// <summary>One share per option among the cities that chose at least one (choice questions).</summary>
    Choice,

    /// <summary>Mean and median over the cities that answered (number questions).</summary>
    Mean,
}

/// <summary>
/// The indicator computed from a question, with the label that completes its sentence:
/// "75% of the participating cities — 15 out of 20 — <c>have a local smart specialisation strategy</c>".
/// </summary>
public sealed record IndicatorDefinition(IndicatorKind Kind, LocalizedText Label);
