namespace SmartCitiesStudy.Domain.Questionnaires;

/// <summary>How a question's answers become a published figure.</summary>
public enum IndicatorKind
{
    /// <summary>Share of "yes" among the cities that answered (yes/no questions).</summary>
    Share,

    /// <summary>One share per option among the cities that chose at least one (choice questions).</summary>
    Choice,

    /// <summary>Mean, median and quartiles over the cities that answered (number questions).</summary>
    Mean,
}

/// <summary>
/// The indicator computed from a question, with the label that completes its sentence:
/// "75% of the participating cities — 15 out of 20 — <c>have a local smart specialisation strategy</c>".
/// Every top-level yes/no, choice and number question has one by default (<see cref="Question.Figure"/>);
/// <c>"indicator": false</c> in the file (<see cref="OptedOut"/>) leaves a question without.
/// </summary>
public sealed record IndicatorDefinition(IndicatorKind Kind, LocalizedText Label)
{
    /// <summary><c>"indicator": false</c>: no figure for this question.</summary>
    public static IndicatorDefinition OptedOut { get; } = new(IndicatorKind.Share, new LocalizedText(string.Empty)) { IsOptedOut = true };

    public bool IsOptedOut { get; private init; }

    /// <summary>The kind a question of <paramref name="type"/> gets by default; null for types without a figure.</summary>
    public static IndicatorKind? DefaultKind(QuestionType type) => type switch
    {
        QuestionType.YesNo => IndicatorKind.Share,
        QuestionType.SingleChoice or QuestionType.MultipleChoice => IndicatorKind.Choice,
        QuestionType.Number => IndicatorKind.Mean,
        _ => null,
    };
}
