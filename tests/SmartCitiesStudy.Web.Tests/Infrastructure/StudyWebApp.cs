using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Web.Tests.Infrastructure;

/// <summary>
/// The real web app (Development: migrated and demo-seeded at start) on a fresh database of the provider under test.
/// </summary>
public sealed class StudyWebApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in Database.ConfigurationValues)
        {
            builder.UseSetting(key, value);
        }

        // Keys encrypted at rest as in production (ADR 0012), so the same host also starts outside Development.
        foreach (var (key, value) in TestCertificate.Default.ConfigurationValues)
        {
            builder.UseSetting(key, value);
        }

        // Tests sign in many times from one (unknown) address: no rate limit unless a test turns it on.
        builder.UseSetting("RateLimiting:Enabled", "false");
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests assert them).</summary>
    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
