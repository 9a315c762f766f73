namespace SmartCitiesStudy.Domain.Questionnaires;

/// <summary>One option of a choice question. <see cref="Code"/> is what answers, imports and exports store.</summary>
public sealed record ChoiceOption(string Code, LocalizedText Title);
