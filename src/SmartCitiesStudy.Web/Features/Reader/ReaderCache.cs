namespace SmartCitiesStudy.Web.Features.Reader;

/// <summary>
/// Output caching of the reader pages (<c>[OutputCache(PolicyName = ReaderCache.Policy)]</c>), see
/// <see cref="ReaderCachePolicy"/>; a status change of an edition drops them (<see cref="ReaderCacheEviction"/>).
/// </summary>
public static class ReaderCache
{
    public const string Policy = "reader";

    /// <summary>Every reader page: home and city pages show several editions, so any status change drops them all.</summary>
    public const string AllTag = "reader";

    /// <summary>The query keys the reader pages read; any other key does not make a new entry.</summary>
    public static IReadOnlyList<string> QueryKeys { get; } = ["lang", "breakdown", "q", "field", "region", "band", "city", "option"];

    public static TimeSpan Expiry { get; } = TimeSpan.FromMinutes(10);

    public static string EditionTag(string code) => "reader-edition-" + code;

    public static IServiceCollection AddReaderCache(this IServiceCollection services)
    {
        services.AddOutputCache(options => options.AddPolicy(Policy, new ReaderCachePolicy()));
        services.AddSingleton<Application.Features.Editions.IEditionStatusListener, ReaderCacheEviction>();
        services.AddHostedService<PublicationWatcher>();
        return services;
    }
}
