using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Reports;

/// <summary>
/// What a stored PDF is: the whole study of an edition, one city's factsheet, or the original publication of the
/// edition's study as the secretariat attached it (never generated, never regenerated).
/// </summary>
public enum ReportKind
{
    Study = 1,
    Factsheet = 2,
    Original = 3,
}

/// <summary>
/// A generated PDF kept in the database, one per edition, kind, city and language (unique). <see cref="CitySlug"/>
/// is empty for the study (not null, so the unique key also holds for it on SQLite and PostgreSQL).
/// <see cref="Fingerprint"/> says what it was made from; a stored PDF whose fingerprint differs from the data's is
/// regenerated.
/// </summary>
public sealed class GeneratedReport
{
    public const int MaxEditionCodeLength = 40;
    public const int MaxCitySlugLength = 140;
    public const int MaxLanguageLength = 8;
    public const int MaxHashLength = 64;

    private GeneratedReport()
    {
        EditionCode = string.Empty;
        CitySlug = string.Empty;
        Language = string.Empty;
        Content = [];
        ETag = string.Empty;
        Fingerprint = string.Empty;
    }

    public GeneratedReport(string editionCode, ReportKind kind, string? citySlug, string language)
        : this()
    {
        EditionCode = editionCode;
        Kind = kind;
        CitySlug = citySlug ?? string.Empty;
        Language = language;
    }

    public long Id { get; private set; }

    public string EditionCode { get; private set; }

    public ReportKind Kind { get; private set; }

    public string CitySlug { get; private set; }

    public string Language { get; private set; }

    public byte[] Content { get; private set; }

    /// <summary>SHA-256 of <see cref="Content"/>, hex: the HTTP entity tag.</summary>
    public string ETag { get; private set; }

    public string Fingerprint { get; private set; }

    [EventTime]
    public DateTimeOffset CreatedAt { get; private set; }

    public void Replace(byte[] content, string etag, string fingerprint, DateTimeOffset now)
    {
        Content = content;
        ETag = etag;
        Fingerprint = fingerprint;
        CreatedAt = now;
    }
}
