namespace SmartCitiesStudy.Application.Features.Reports;

/// <summary>
/// Turns a complete HTML document (with its print CSS) into PDF bytes. The engine behind it can be swapped; the
/// default prints with a long-lived headless Chromium.
/// </summary>
public interface IPdfPrinter
{
    /// <exception cref="PdfRenderTimeoutException">The render took longer than <see cref="PdfPrintOptions.Timeout"/>.</exception>
    Task<byte[]> PrintAsync(string html, PdfPrintOptions options, CancellationToken cancellationToken = default);
}

/// <summary>How to print: a timeout, and whether to add a PDF outline (bookmarks) and tags for accessibility.</summary>
public sealed record PdfPrintOptions
{
    public static PdfPrintOptions Default { get; } = new();

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool DocumentOutline { get; init; } = true;

    public bool Tagged { get; init; } = true;
}

/// <summary>A PDF render that did not finish in time.</summary>
public sealed class PdfRenderTimeoutException(string message, Exception? inner = null) : TimeoutException(message, inner);
