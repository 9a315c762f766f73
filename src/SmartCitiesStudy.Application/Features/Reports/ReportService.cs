using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Concurrency;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Reports;

namespace SmartCitiesStudy.Application.Features.Reports;

/// <summary>
/// Serves the study PDFs and factsheets: the stored one when its fingerprint still matches the data, otherwise
/// renders it (Razor → HTML → PDF) and, for a published edition, stores it. A missing PDF of a published edition is
/// rendered once across instances: concurrent requests in this process wait at a gate per key, then the one that
/// renders takes the cross-instance <see cref="IDistributedLock"/> (a PostgreSQL advisory lock, ADR 0010) and
/// looks for a stored copy again, which another instance may have stored meanwhile. The background generation on
/// publish goes through here too. Should two renders still race (a lock lost with its connection mid-render), the
/// unique key on the table keeps one row and both serve it. Unpublished editions (previews) are rendered on demand,
/// neither locked across instances nor stored. Callers decide who may see what.
/// </summary>
public sealed class ReportService(
    IStudyDbContextFactory dbFactory,
    BuildStudyReport buildReport,
    ReportFingerprint fingerprint,
    IReportHtml reportHtml,
    IPdfPrinter printer,
    ISectionPageFinder sectionPages,
    IDistributedLock acrossInstances,
    TimeProvider clock)
{
    private readonly InProcessLock _gates = new();
    private readonly ConcurrentDictionary<ReportRequest, byte> _rendering = new();
    private int _renderCount;

    /// <summary>How many PDFs this instance has rendered (tests check that concurrent requests render once).</summary>
    public int RenderCount => Volatile.Read(ref _renderCount);

    /// <returns>Null when the edition, its questionnaire or (for a factsheet) the city's approved response does not exist.</returns>
    public async Task<ReportFile?> GetAsync(ReportRequest request, PdfPrintOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = await fingerprint.ExecuteAsync(request.EditionCode, cancellationToken);
        if (current is null)
        {
            return null;
        }

        if (await StoredAsync(request, current, cancellationToken) is { } stored)
        {
            return stored;
        }

        var key = LockKey(request);
        await using var gate = await _gates.AcquireAsync(key, cancellationToken);
        // Another request may have rendered it while this one waited.
        if (await StoredAsync(request, current, cancellationToken) is { } justStored)
        {
            return justStored;
        }

        _rendering[request] = 0;
        try
        {
            var published = await IsPublishedAsync(request.EditionCode, cancellationToken);
            await using var shared = published ? await acrossInstances.AcquireAsync(key, cancellationToken) : null;
            // Another instance may have rendered and stored it while this one waited for the lock.
            if (published && await StoredAsync(request, current, cancellationToken) is { } storedElsewhere)
            {
                return storedElsewhere;
            }

            var pdf = await RenderAsync(request, options ?? PdfPrintOptions.Default, cancellationToken);
            if (pdf is null)
            {
                return null;
            }

            var file = new ReportFile(pdf, Convert.ToHexStringLower(SHA256.HashData(pdf)), clock.GetUtcNow(), request.FileName);
            return published ? await StoreAsync(request, file, current, cancellationToken) : file;
        }
        finally
        {
            _rendering.TryRemove(request, out _);
        }
    }

    /// <summary>Renders a PDF without looking at or touching the stored ones (CLI, benchmark).</summary>
    public async Task<byte[]?> RenderAsync(ReportRequest request, PdfPrintOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref _renderCount);
        if (request.Kind == ReportKind.Factsheet)
        {
            var factsheet = await buildReport.FactsheetAsync(request.EditionCode, request.CitySlug ?? string.Empty, request.Language, cancellationToken);
            return factsheet is null ? null : await printer.PrintAsync(await reportHtml.FactsheetAsync(factsheet), options, cancellationToken);
        }

        var model = await buildReport.ExecuteAsync(request.EditionCode, request.Language, cancellationToken);
        if (model is null)
        {
            return null;
        }

        // Two passes for the contents' page numbers: print with invisible section markers, read their pages back,
        // print again with the numbers (the layout is the same: markers take no room, numbers have their own column).
        var first = await printer.PrintAsync(await reportHtml.StudyAsync(model, new ReportHtmlOptions(PageMarkers: true)), options with { DocumentOutline = false, Tagged = false }, cancellationToken);
        var pages = sectionPages.Find(first);
        return await printer.PrintAsync(await reportHtml.StudyAsync(model, new ReportHtmlOptions(SectionPages: pages)), options, cancellationToken);
    }

    /// <summary>Ready when a PDF is stored for the data as it is now, Generating while one is being rendered here.</summary>
    public async Task<ReportState> StateAsync(ReportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_rendering.ContainsKey(request))
        {
            return ReportState.Generating;
        }

        var current = await fingerprint.ExecuteAsync(request.EditionCode, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var slug = request.CitySlug ?? string.Empty;
        var stored = await db.GeneratedReports.AsNoTracking()
            .Where(r => r.EditionCode == request.EditionCode && r.Kind == request.Kind && r.CitySlug == slug && r.Language == request.Language)
            .Select(r => r.Fingerprint)
            .FirstOrDefaultAsync(cancellationToken);
        return stored is not null && stored == current ? ReportState.Ready : ReportState.Missing;
    }

    private async Task<ReportFile?> StoredAsync(ReportRequest request, string current, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var slug = request.CitySlug ?? string.Empty;
        var stored = await db.GeneratedReports.AsNoTracking()
            .Where(r => r.EditionCode == request.EditionCode && r.Kind == request.Kind && r.CitySlug == slug && r.Language == request.Language && r.Fingerprint == current)
            .Select(r => new { r.Content, r.ETag, r.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return stored is null ? null : new ReportFile(stored.Content, stored.ETag, stored.CreatedAt, request.FileName);
    }

    private static string LockKey(ReportRequest request) =>
        string.Create(CultureInfo.InvariantCulture, $"report/{request.Kind}/{request.EditionCode}/{request.CitySlug}/{request.Language}");

    private async Task<bool> IsPublishedAsync(string editionCode, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.Editions.AnyAsync(e => e.Code == editionCode && e.Status == EditionStatus.Published, cancellationToken);
    }

    // Insert if absent, else replace the stale row, and return what is stored. Another instance may have stored the
    // same PDF while this one rendered (found here, or a conflict on the unique key): that stored file is served, so
    // every instance answers with the same bytes and ETag.
    private async Task<ReportFile> StoreAsync(ReportRequest request, ReportFile file, string current, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var slug = request.CitySlug ?? string.Empty;
        var row = await db.GeneratedReports
            .FirstOrDefaultAsync(r => r.EditionCode == request.EditionCode && r.Kind == request.Kind && r.CitySlug == slug && r.Language == request.Language, cancellationToken);
        if (row is null)
        {
            row = new GeneratedReport(request.EditionCode, request.Kind, request.CitySlug, request.Language);
            db.GeneratedReports.Add(row);
        }
        else if (row.Fingerprint == current)
        {
            return new ReportFile(row.Content, row.ETag, row.CreatedAt, request.FileName);
        }

        row.Replace(file.Content, file.ETag, current, file.CreatedAt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return file;
        }
        catch (DbUpdateException)
        {
            // Another instance stored the same PDF first: serve that one.
            return await StoredAsync(request, current, cancellationToken) ?? file;
        }
    }
}
