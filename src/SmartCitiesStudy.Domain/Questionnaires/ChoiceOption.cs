namespace SmartCitiesStudy.Domain.Questionnaires;

/// <summary>One option of a choice question. <see cref="Code"/> is what answers, imports and exports store.</summary>
public sealed record ChoiceOption(string Code, LocalizedText Title)
{
    /// <summary>
    /// The option of another edition this one means the same as, <c>"2017:economy_barriers/lack_of_funding"</c> (see
    /// <see cref="SameAsLink"/>).
    /// </summary>
    public string? SameAs { get; init; }
}
