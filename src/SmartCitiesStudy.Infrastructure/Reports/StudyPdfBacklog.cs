using System.Threading.Channels;
using SmartCitiesStudy.Application.Features.Reports;

namespace SmartCitiesStudy.Infrastructure.Reports;

/// <summary>PDFs waiting to be generated in the background (study PDFs of a newly published edition).</summary>
public sealed class StudyPdfBacklog
{
    private readonly Channel<ReportRequest> _channel = Channel.CreateUnbounded<ReportRequest>(new UnboundedChannelOptions { SingleReader = true });

    public bool Enqueue(ReportRequest request) => _channel.Writer.TryWrite(request);

    public ChannelReader<ReportRequest> Reader => _channel.Reader;
}
