using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Reports.Text;

namespace SmartCitiesStudy.Infrastructure.Reports;

/// <summary>When an edition becomes Published, queues its study PDF in English, Spanish and French.</summary>
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
