using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Infrastructure.Reports;

namespace SmartCitiesStudy.Reports.Tests;

public sealed class GenerateOnPublishTests
{
    [Fact]
    public async Task Publishing_queues_the_study_in_three_languages_and_nothing_else_does()
    {
        var backlog = new StudyPdfBacklog();
        var listener = new GenerateStudyPdfsOnPublish(backlog);
        await listener.EditionStatusChangedAsync("2026", EditionStatus.Open, EditionStatus.Closed, TestContext.Current.CancellationToken);
        Assert.False(backlog.Reader.TryRead(out _));

        await listener.EditionStatusChangedAsync("2026", EditionStatus.Closed, EditionStatus.Published, TestContext.Current.CancellationToken);
        var queued = new List<ReportRequest>();
        while (backlog.Reader.TryRead(out var request))
        {
            queued.Add(request);
        }

        Assert.Equal([ReportRequest.Study("2026", "en"), ReportRequest.Study("2026", "es"), ReportRequest.Study("2026", "fr")], queued);
    }
}
