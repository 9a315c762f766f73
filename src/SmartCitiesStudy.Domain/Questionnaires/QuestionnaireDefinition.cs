namespace SmartCitiesStudy.Domain.Questionnaires;

/// <summary>
/// An edition's questionnaire: sections → subsections → questions. Pure data, stored as JSON (see
/// docs/questionnaire-format.md) and read by the form, review, indicators, exports and reports.
/// </summary>
public sealed record QuestionnaireDefinition
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    public required string Edition { get; init; }

    public required LocalizedText Title { get; init; }

    public LocalizedText? Intro { get; init; }

    public IReadOnlyList<Section> Sections { get; init; } = [];

    /// <summary>Every top-level question (groups included, their fields not), in questionnaire order.</summary>
    public IEnumerable<Question> Questions => Sections.SelectMany(s => s.Questions);

    public Question? Find(string code) => Questions.FirstOrDefault(q => q.Code == code);

    /// <summary>The section a top-level question belongs to.</summary>
    public Section? SectionOf(string questionCode) =>
        Sections.FirstOrDefault(s => s.Questions.Any(q => q.Code == questionCode));

    /// <summary>A copy for another edition (the next edition starts from a previous questionnaire).</summary>
    public QuestionnaireDefinition ForEdition(string editionCode, LocalizedText? title = null) =>
        this with { Edition = editionCode, Title = title ?? Title };
}
