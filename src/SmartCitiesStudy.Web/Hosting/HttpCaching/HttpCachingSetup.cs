using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace SmartCitiesStudy.Web.Hosting.HttpCaching;

/// <summary>
/// Compression and HTTP caching of the public site and the open-data API (ADR 0015): Brotli, then gzip, for HTML,
/// JSON, CSV, SVG and text, only on anonymous public reads (<see cref="PublicRead"/>), so no response with a secret
/// in it (antiforgery token, a signed-in page) is ever compressed. PDFs, ZIP and XLSX are not in the list: they are
/// compressed already.
/// </summary>
public static class HttpCachingSetup
{
    public static IReadOnlyList<string> CompressedTypes { get; } =
    [
        "text/html", "text/plain", "text/csv", "text/css", "text/javascript", "application/javascript",
        "application/json", "application/problem+json", "image/svg+xml",
    ];

    public static IServiceCollection AddHttpCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(HttpCacheSettings.From(configuration));
        services.AddSingleton<PublicationVersion>();
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true; // safe: only anonymous public reads reach the middleware
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = CompressedTypes;
        });
        // Optimal: Brotli quality 4 and gzip level 6, a few milliseconds for the largest page; a shared cache in
        // front keeps the result.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>Validators and Cache-Control: after authentication, before the output cache (a 304 skips it).</summary>
    public static IApplicationBuilder UseHttpCaching(this IApplicationBuilder app) =>
        app.UseMiddleware<PublicCachingMiddleware>();

    /// <summary>
    /// Compression of public reads: after the output cache, so it keeps each reader page compressed, one entry per
    /// content coding (<see cref="Features.Reader.ReaderCachePolicy"/>), and a hit costs no compression.
    /// </summary>
    public static IApplicationBuilder UsePublicCompression(this IApplicationBuilder app) =>
        app.UseWhen(PublicRead.Is, b => b.UseResponseCompression());
}
