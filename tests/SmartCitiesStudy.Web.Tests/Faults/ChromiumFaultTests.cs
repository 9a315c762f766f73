using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Infrastructure.Reports;

namespace SmartCitiesStudy.Web.Tests.Faults;

/// <summary>
/// The PDF printer's Chromium killed between and during renders, and a render that never finishes loading: the
/// printer relaunches the browser (the next PDF prints) and a hung render ends with <see cref="PdfRenderTimeoutException"/>.
/// </summary>
public sealed class ChromiumFaultTests(ITestOutputHelper output)
{
    private const string Html = "<!doctype html><html lang=\"en\"><head><title>Fault</title></head><body><h1>Still printing</h1></body></html>";
    private static readonly PdfPrintOptions Options = PdfPrintOptions.Default with { Timeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public async Task Chromium_killed_between_renders_is_relaunched_and_the_next_pdf_prints()
    {
        var ct = TestContext.Current.CancellationToken;
        using var chromium = new ChromiumProcess();
        await using var printer = new ChromiumPdfPrinter(new ChromiumOptions(chromium.WrapperPath, 1), NullLogger<ChromiumPdfPrinter>.Instance);
        AssertPdf(await printer.PrintAsync(Html, Options, ct));

        var first = chromium.Find();
        Assert.NotEmpty(first);
        Assert.True(chromium.KillAll() > 0);
        await PollUntilAsync(() => chromium.Find().Count == 0, "the killed Chromium gone", ct);

        var watch = Stopwatch.StartNew();
        AssertPdf(await printer.PrintAsync(Html, Options, ct));
        output.WriteLine($"PDF after the kill in {watch.ElapsedMilliseconds} ms (relaunched)");
        Assert.NotEmpty(chromium.Find());
        Assert.Empty(chromium.Find().Intersect(first));
    }

    [Fact]
    public async Task Chromium_killed_during_a_render_fails_or_retries_that_render_and_the_next_pdf_prints()
    {
        var ct = TestContext.Current.CancellationToken;
        using var chromium = new ChromiumProcess();
        using var image = new HangingHttpServer();
        await using var printer = new ChromiumPdfPrinter(new ChromiumOptions(chromium.WrapperPath, 1), NullLogger<ChromiumPdfPrinter>.Instance);

        var stuck = $"<!doctype html><html lang=\"en\"><head><title>Stuck</title></head><body><img src=\"{image.Url}\" alt=\"\"></body></html>";
        var watch = Stopwatch.StartNew();
        var render = printer.PrintAsync(stuck, Options, ct);
        await PollUntilAsync(() => image.Accepted > 0 || render.IsCompleted, "the render asking for its image", ct);
        Assert.False(render.IsCompleted, "The render should still be loading its image");
        image.Release();
        Assert.True(chromium.KillAll() > 0);

        string outcome;
        try
        {
            AssertPdf(await render.WaitAsync(TimeSpan.FromSeconds(40), ct));
            outcome = "the render was retried on a new browser and printed";
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.IAssertionException)
        {
            outcome = $"the render failed: {ex.GetType().Name}: {ex.Message}";
            Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        }

        output.WriteLine($"Killed during a render: {outcome} after {watch.ElapsedMilliseconds} ms");
        AssertPdf(await printer.PrintAsync(Html, Options, ct));
    }

    [Fact]
    public async Task A_render_that_never_finishes_loading_times_out_with_a_clear_error_and_the_printer_keeps_working()
    {
        var ct = TestContext.Current.CancellationToken;
        using var chromium = new ChromiumProcess();
        using var image = new HangingHttpServer();
        await using var printer = new ChromiumPdfPrinter(new ChromiumOptions(chromium.WrapperPath, 1), NullLogger<ChromiumPdfPrinter>.Instance);

        var stuck = $"<!doctype html><html lang=\"en\"><head><title>Stuck</title></head><body><img src=\"{image.Url}\" alt=\"\"></body></html>";
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<PdfRenderTimeoutException>(() => printer.PrintAsync(stuck, Options with { Timeout = TimeSpan.FromSeconds(4) }, ct));
        output.WriteLine($"Hung render ended after {watch.ElapsedMilliseconds} ms: {error.Message}");
        Assert.Contains("not rendered within 4 s", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"The timeout of 4 s took {watch.Elapsed.TotalSeconds:0.0} s");

        AssertPdf(await printer.PrintAsync(Html, Options, ct));
    }

    private static void AssertPdf(byte[] pdf) => Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);

    private static async Task PollUntilAsync(Func<bool> condition, string what, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(30))
            {
                Assert.Fail($"Not reached within 30 s: {what}");
            }

            await Task.Delay(100, ct);
        }
    }
}
