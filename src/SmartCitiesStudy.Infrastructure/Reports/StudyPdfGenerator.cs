using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartCitiesStudy.Application.Features.Reports;

namespace SmartCitiesStudy.Infrastructure.Reports;

/// <summary>
/// Generates the queued PDFs one after the other, off any request or circuit; a failure is logged and skipped. Goes
/// through <see cref="ReportService.GetAsync"/> like a download, so a PDF that another instance is rendering or has
/// stored meanwhile is not rendered again here (the cross-instance lock, ADR 0010).
/// </summary>
internal sealed partial class StudyPdfGenerator(StudyPdfBacklog queue, ReportService reports, ILogger<StudyPdfGenerator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var request in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    var file = await reports.GetAsync(request, cancellationToken: stoppingToken);
                    LogGenerated(logger, request.FileName, file?.Content.Length ?? 0);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, request.FileName, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated {FileName} ({Bytes} bytes)")]
    private static partial void LogGenerated(ILogger logger, string fileName, int bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Generating {FileName} failed")]
    private static partial void LogFailed(ILogger logger, string fileName, Exception exception);
}
