using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Reports;

public sealed class ReportTimeoutTests(StudyWebApp app) : IClassFixture<StudyWebApp>
{
    [Fact]
    public async Task A_render_that_times_out_is_a_503_problem()
    {
        var ct = TestContext.Current.CancellationToken;
        using var factory = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Replace(ServiceDescriptor.Singleton<IPdfPrinter, TimingOutPrinter>())));
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/editions/2017/cities/bilbao/factsheet.pdf", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not rendered within", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    private sealed class TimingOutPrinter : IPdfPrinter
    {
        public Task<byte[]> PrintAsync(string html, PdfPrintOptions options, CancellationToken cancellationToken = default) =>
            throw new PdfRenderTimeoutException("The PDF was not rendered within 30 s.");
    }
}
