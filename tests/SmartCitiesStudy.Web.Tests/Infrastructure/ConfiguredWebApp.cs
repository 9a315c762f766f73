using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Web.Tests.Infrastructure;

/// <summary>The real web app in <paramref name="environment"/> with exactly these settings (no database of its own).</summary>
public sealed class ConfiguredWebApp(string environment, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("RateLimiting:Enabled", "false");

        // Keys encrypted at rest as in production (ADR 0012); the settings below may replace the certificate.
        foreach (var (key, value) in TestCertificate.Default.ConfigurationValues)
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects.</summary>
    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
