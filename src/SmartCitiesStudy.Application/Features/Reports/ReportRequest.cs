using System.Globalization;
using SmartCitiesStudy.Domain.Reports;

namespace SmartCitiesStudy.Application.Features.Reports;

/// <summary>Which PDF: the study of an edition in a language, or one city's factsheet (<see cref="CitySlug"/>).</summary>
public sealed record ReportRequest(string EditionCode, ReportKind Kind, string? CitySlug, string Language)
{
    public static ReportRequest Study(string editionCode, string language) => new(editionCode, ReportKind.Study, null, language);

    public static ReportRequest Factsheet(string editionCode, string citySlug, string language) => new(editionCode, ReportKind.Factsheet, citySlug, language);

    /// <summary>"smart-cities-study-2017-en.pdf", "smart-cities-study-2017-bilbao-en.pdf".</summary>
    public string FileName => Kind == ReportKind.Study
        ? string.Create(CultureInfo.InvariantCulture, $"smart-cities-study-{EditionCode}-{Language}.pdf")
        : string.Create(CultureInfo.InvariantCulture, $"smart-cities-study-{EditionCode}-{CitySlug}-{Language}.pdf");
}

/// <summary>A PDF ready to serve: its bytes, entity tag (SHA-256 hex) and when it was generated.</summary>
public sealed record ReportFile(byte[] Content, string ETag, DateTimeOffset CreatedAt, string FileName);

/// <summary>What the secretariat sees of a study PDF: not generated yet, being generated, ready.</summary>
public enum ReportState
{
    Missing,
    Generating,
    Ready,
}
