using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Reports.Text;

namespace SmartCitiesStudy.Infrastructure.Reports;

/// <summary>
/// When an edition becomes Published, queues its study PDF in English, Spanish and French. Listeners run in the
/// process that changed the status, so only the publishing instance queues them; a download asked of another
/// instance during the background render waits for it (the cross-instance lock) and serves the stored PDF.
/// </summary>
public sealed class GenerateStudyPdfsOnPublish(StudyPdfBacklog queue) : IEditionStatusListener
{
    public Task EditionStatusChangedAsync(string editionCode, EditionStatus before, EditionStatus after, CancellationToken cancellationToken)
    {
        if (after == EditionStatus.Published && before != EditionStatus.Published)
        {
            foreach (var language in ReportLanguage.All)
            {
                queue.Enqueue(ReportRequest.Study(editionCode, language));
            }
        }

        return Task.CompletedTask;
    }
}
