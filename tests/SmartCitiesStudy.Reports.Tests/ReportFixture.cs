using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application;
using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Reports.Tests;

/// <summary>
/// One demo-seeded database and one set of services (so one Chromium) for every PDF test; each PDF is rendered once
/// and shared.
/// </summary>
public sealed class ReportFixture : IAsyncLifetime
{
    private readonly Dictionary<string, Task<byte[]>> _pdfs = [];
    private TestDatabase? _database;
    private ServiceProvider? _services;

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialised.");

    public ReportService Reports => Services.GetRequiredService<ReportService>();

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.CreateServices(services => services.AddStudyApplication());
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
    }

    /// <summary>The PDF for <paramref name="request"/>, rendered on first use (not stored).</summary>
    public Task<byte[]> PdfAsync(ReportRequest request)
    {
        var key = request.ToString();
        lock (_pdfs)
        {
            if (!_pdfs.TryGetValue(key, out var pdf))
            {
                pdf = RenderAsync(request);
                _pdfs[key] = pdf;
            }

            return pdf;
        }
    }

    private async Task<byte[]> RenderAsync(ReportRequest request) =>
        await Reports.RenderAsync(request, PdfPrintOptions.Default) ?? throw new InvalidOperationException($"Nothing to render for {request}.");

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ReportsSharingChromium : ICollectionFixture<ReportFixture>
{
    public const string Name = "Reports";
}
