namespace SmartCitiesStudy.Web.Hosting.HttpCaching;

/// <summary>
/// <c>HttpCache:MaxAgeSeconds</c> (browsers) and <c>HttpCache:SharedMaxAgeSeconds</c> (CDN, nginx): how long a public
/// response may be used without asking again. After that the cache revalidates with its ETag (a cheap 304), so the
/// shared age is also the longest a publication takes to show through a cache that is not purged.
/// </summary>
public sealed record HttpCacheSettings(int MaxAgeSeconds, int SharedMaxAgeSeconds)
{
    public const int DefaultMaxAgeSeconds = 60;

    public const int DefaultSharedMaxAgeSeconds = 300;

    public static HttpCacheSettings From(IConfiguration configuration) => new(
        Math.Max(0, configuration.GetValue("HttpCache:MaxAgeSeconds", DefaultMaxAgeSeconds)),
        Math.Max(0, configuration.GetValue("HttpCache:SharedMaxAgeSeconds", DefaultSharedMaxAgeSeconds)));

    public string CacheControl => $"public, max-age={MaxAgeSeconds}, s-maxage={SharedMaxAgeSeconds}";
}
