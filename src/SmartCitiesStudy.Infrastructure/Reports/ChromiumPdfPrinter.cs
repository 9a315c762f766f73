using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using SmartCitiesStudy.Application.Features.Reports;

namespace SmartCitiesStudy.Infrastructure.Reports;

/// <summary>
/// Prints HTML to PDF with one long-lived headless Chromium (started on first use, thread-safe) and a small pool of
/// reusable pages. A browser that died is relaunched once per print; a print that hangs past its timeout throws
/// <see cref="PdfRenderTimeoutException"/> and its page is thrown away. Page size, margins and the page numbers come
/// from the document's CSS (<c>@page</c> with margin boxes), so Playwright's header and footer are off.
/// </summary>
public sealed partial class ChromiumPdfPrinter(ChromiumOptions chromium, ILogger<ChromiumPdfPrinter> logger) : IPdfPrinter, IAsyncDisposable
{
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly SemaphoreSlim _slots = new(chromium.Pages, chromium.Pages);
    private readonly ConcurrentBag<IPage> _idle = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    public async Task<byte[]> PrintAsync(string html, PdfPrintOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            try
            {
                return await PrintOnceAsync(html, options, cancellationToken);
            }
            catch (PlaywrightException ex) when (_browser is not { IsConnected: true })
            {
                // The browser died under us (crash, out of memory, killed): start a new one and try once more.
                LogBrowserLost(logger, ex.Message);
                return await PrintOnceAsync(html, options, cancellationToken);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<byte[]> PrintOnceAsync(string html, PdfPrintOptions printOptions, CancellationToken cancellationToken)
    {
        var browser = await BrowserAsync(cancellationToken);
        var page = TakeIdlePage(browser) ?? await browser.NewPageAsync();
        var keep = false;
        try
        {
            var timeout = (float)printOptions.Timeout.TotalMilliseconds;
            var print = PrintPageAsync(page, html, printOptions, timeout);
            var pdf = await print.WaitAsync(printOptions.Timeout, cancellationToken);
            keep = true;
            return pdf;
        }
        catch (Exception ex) when (ex is TimeoutException and not PdfRenderTimeoutException)
        {
            throw new PdfRenderTimeoutException($"The PDF was not rendered within {printOptions.Timeout.TotalSeconds:0.#} s.", ex);
        }
        finally
        {
            if (keep)
            {
                _idle.Add(page);
            }
            else
            {
                _ = ClosePageQuietlyAsync(page);
            }
        }
    }

    private static async Task<byte[]> PrintPageAsync(IPage page, string html, PdfPrintOptions printOptions, float timeout)
    {
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = timeout });
        return await page.PdfAsync(new PagePdfOptions
        {
            PreferCSSPageSize = true,
            PrintBackground = true,
            DisplayHeaderFooter = false,
            Outline = printOptions.DocumentOutline,
            Tagged = printOptions.Tagged,
        });
    }

    private IPage? TakeIdlePage(IBrowser browser)
    {
        while (_idle.TryTake(out var page))
        {
            if (!page.IsClosed && page.Context.Browser == browser)
            {
                return page;
            }
        }

        return null;
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }

        await _startLock.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }

            _idle.Clear();
            _playwright ??= await Playwright.CreateAsync();
            LogStarting(logger, chromium.ExecutablePath);
            var browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium.ExecutablePath,
                Headless = true,
                Args = ChromiumOptions.LaunchArguments,
            });
            browser.Disconnected += (_, _) =>
            {
                if (!_disposed)
                {
                    LogDisconnected(logger);
                }
            };
            _browser = browser;
            return browser;
        }
        finally
        {
            _startLock.Release();
        }
    }

    private static async Task ClosePageQuietlyAsync(IPage page)
    {
        try
        {
            await page.Context.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // The browser may be gone already; nothing to close.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_browser is not null)
        {
            try
            {
                await _browser.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // Already closed.
            }
        }

        _playwright?.Dispose();
        _startLock.Dispose();
        _slots.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting Chromium for PDFs: {Path}")]
    private static partial void LogStarting(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chromium for PDFs disconnected; it will be started again on the next PDF")]
    private static partial void LogDisconnected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chromium was lost while printing a PDF ({Reason}); relaunching once")]
    private static partial void LogBrowserLost(ILogger logger, string reason);
}
