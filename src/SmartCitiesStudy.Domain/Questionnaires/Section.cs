namespace SmartCitiesStudy.Domain.Questionnaires;

/// <summary>A field (2017) or axis (2012) of the study, e.g. "Knowledge and talent".</summary>
public sealed record Section
{
    public required string Code { get; init; }

    public required LocalizedText Title { get; init; }

    /// <summary>What the field covers: shown at the top of the form's section and in the study report.</summary>
    public LocalizedText? Intro { get; init; }

    public IReadOnlyList<Subsection> Subsections { get; init; } = [];

    public IEnumerable<Question> Questions => Subsections.SelectMany(s => s.Questions);
}

/// <summary>A sub-area of a section, e.g. "Smart specialisation".</summary>
public sealed record Subsection
{
    public required string Code { get; init; }

    public required LocalizedText Title { get; init; }

    public LocalizedText? Help { get; init; }

    public IReadOnlyList<Question> Questions { get; init; } = [];
}
