using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace SmartCitiesStudy.Web.Hosting.HttpCaching;

/// <summary>
/// The strong ETag of a public response, known before it is rendered: a hash of the build (templates change with it),
/// the publication version (<see cref="PublicationVersion"/>), the path, the normalised query, the page language
/// and the content coding the response will have (a Brotli and a gzip body are different representations).
/// </summary>
public static class PublicETag
{
    private static readonly string Build =
        typeof(PublicETag).Assembly.ManifestModule.ModuleVersionId.ToString("N", CultureInfo.InvariantCulture);

    public static EntityTagHeaderValue For(HttpContext context, string publicationVersion)
    {
        var request = context.Request;
        var text = new StringBuilder()
            .Append(Build).Append('\n')
            .Append(publicationVersion).Append('\n')
            .Append(request.Path.Value).Append('\n')
            .Append(CultureInfo.CurrentUICulture.Name).Append('\n');
        foreach (var (key, values) in request.Query.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append('=').Append(string.Join(',', values.ToArray())).Append('&');
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 12));
        // Files that are compressed already (XLSX, PDF, ZIP) are sent as they are, whatever the client accepts.
        var coding = AlreadyCompressed(request.Path) ? string.Empty : ContentCoding(request);
        return new EntityTagHeaderValue($"\"{hash}{(coding.Length == 0 ? string.Empty : "-" + coding)}\"");
    }

    /// <summary>The coding the response compression middleware picks: the best quality of br and gzip, br on a tie.</summary>
    public static string ContentCoding(HttpRequest request)
    {
        var best = string.Empty;
        var bestQuality = 0.0;
        foreach (var value in request.GetTypedHeaders().AcceptEncoding)
        {
            var name = value.Value.Value;
            var quality = value.Quality ?? 1.0;
            var coding = name switch
            {
                "br" or "*" => "br",
                "gzip" => "gzip",
                _ => null,
            };
            if (coding is not null && quality > 0 && (quality > bestQuality || (quality == bestQuality && coding == "br")))
            {
                best = coding;
                bestQuality = quality;
            }
        }

        return best;
    }

    private static bool AlreadyCompressed(PathString path) =>
        path.Value is { } p && (p.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
                                || p.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
                                || p.EndsWith(".zip", StringComparison.OrdinalIgnoreCase));

    /// <summary>If-None-Match uses the weak comparison (RFC 9110): a cache that weakened the tag still gets its 304.</summary>
    public static bool Matches(HttpRequest request, EntityTagHeaderValue etag) =>
        request.GetTypedHeaders().IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
}
