using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Reports;

namespace SmartCitiesStudy.Application.Features.Archive;

/// <summary>
/// The secretariat attaches the original PDF of an edition's study in one language (replacing the one attached
/// before). It is stored with the generated PDFs (<see cref="ReportKind.Original"/>), audited, and offered to readers
/// next to the generated study. Refused, with nothing stored: a file over <see cref="MaxFileBytes"/>, a file that is
/// not a PDF (no <c>%PDF-</c> signature at its start or no <c>%%EOF</c> at its end, e.g. cut short).
/// </summary>
public sealed class AttachOriginalPublication(IStudyDbContextFactory dbFactory, TimeProvider clock)
{
    /// <summary>50 MiB: the scanned studies are a few MiB; the limit keeps a wrong file out of the database.</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    /// <summary>What the fingerprint column holds for an original: it is never regenerated, whatever the data.</summary>
    public const string OriginalFingerprint = "original";

    public async Task<OperationResult> ExecuteAsync(string editionCode, string language, byte[] content, StudyUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsSecretariat)
        {
            return OperationResult.Refused("Only the secretariat can attach the original publication of an edition.", "forbidden");
        }

        language = (language ?? string.Empty).Trim().ToLowerInvariant();
        if (!LocalizedText.Languages.Contains(language))
        {
            return OperationResult.Refused($"Language '{language}' is not one of {string.Join(", ", LocalizedText.Languages)}.", "publication.language");
        }

        if (Check(content) is { } problem)
        {
            return OperationResult.Refused(problem, "publication.file");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var edition = await db.Editions.SingleOrDefaultAsync(e => e.Code == editionCode, cancellationToken);
        if (edition is null)
        {
            return OperationResult.Refused($"There is no edition '{editionCode}'.", "edition.not_found");
        }

        var row = await db.GeneratedReports.SingleOrDefaultAsync(
            r => r.EditionCode == edition.Code && r.Kind == ReportKind.Original && r.CitySlug == string.Empty && r.Language == language,
            cancellationToken);
        var before = row is null ? null : Describe(row.Content.Length, row.ETag);
        if (row is null)
        {
            row = new GeneratedReport(edition.Code, ReportKind.Original, null, language);
            db.GeneratedReports.Add(row);
        }

        var now = clock.GetUtcNow();
        var etag = Convert.ToHexStringLower(SHA256.HashData(content));
        row.Replace(content, etag, OriginalFingerprint, now);
        // A new edition version tells every instance to drop its cached reader pages (PublicationWatcher).
        db.Editions.Entry(edition).State = EntityState.Modified;
        db.Record(now, user, AuditActions.PublicationAttached, "edition", edition.Code, edition.Id, before: before, after: language + ": " + Describe(content.Length, etag));
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Done;
    }

    /// <returns>Why the file is refused, or null when it looks like a whole PDF of an acceptable size.</returns>
    public static string? Check(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.LongLength > MaxFileBytes)
        {
            return $"The file is larger than {MaxFileBytes / 1024 / 1024} MiB.";
        }

        if (content.Length < 16 || !content.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
        {
            return "The file is not a PDF: it does not start with the PDF signature %PDF-.";
        }

        var tail = content.AsSpan(Math.Max(0, content.Length - 1024));
        if (tail.IndexOf("%%EOF"u8) < 0)
        {
            return "The file is not a whole PDF: it does not end with %%EOF (was it cut short?).";
        }

        return null;
    }

    private static string Describe(int bytes, string etag) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes, SHA-256 {etag}");
}
