namespace SmartCitiesStudy.Application.Features.Texts;

/// <summary>One editorial block in one language, as pages, the PDF and the CLI see it.</summary>
public sealed record EditionTextRow(
    string Block,
    string Language,
    string Markdown,
    string? SignatoryName,
    string? SignatoryTitle,
    bool NeedsReview,
    int Version,
    DateTimeOffset UpdatedAt,
    string? UpdatedBy);
