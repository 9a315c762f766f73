using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using SmartCitiesStudy.Web.Features.Reader;

namespace SmartCitiesStudy.Web.Hosting.HttpCaching;

/// <summary>Marks an endpoint whose anonymous GETs are the same for everyone: the open-data API, the OpenAPI document.</summary>
public sealed class PublicReadMetadata
{
    public static PublicReadMetadata Instance { get; } = new();
}

/// <summary>
/// Whether a request is an anonymous read of a public resource: a GET or HEAD of a reader page (output cache policy
/// <see cref="ReaderCache.Policy"/>) or of an endpoint marked <see cref="PublicReadMetadata"/>, with no sign-in
/// cookie that authenticates and no <c>Authorization</c> header. Only such responses are compressed, carry validators
/// and may be kept by shared caches: they hold no secret (no antiforgery token, nothing personal), so compressed sizes
/// tell nothing (BREACH), and they depend only on the URL (the language comes from <c>?lang=</c>, never a cookie).
/// </summary>
public static class PublicRead
{
    private const string ItemKey = "scs.public-read";

    public static TBuilder AsPublicRead<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(PublicReadMetadata.Instance);

    /// <summary>After authentication ran (middleware after <c>UseAuthentication</c>).</summary>
    public static bool Is(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var known) && known is bool b)
        {
            return b;
        }

        var result = IsCandidate(context) && context.User.Identity?.IsAuthenticated != true;
        context.Items[ItemKey] = result;
        return result;
    }

    /// <summary>Before authentication ran (request localization): authenticates the request to know.</summary>
    public static async ValueTask<bool> IsAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var known) && known is bool b)
        {
            return b;
        }

        if (!IsCandidate(context))
        {
            return false;
        }

        // The cookie handler keeps its result for the request: authentication later does not run it again.
        var result = await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.AuthenticateAsync(context);
        return result.Succeeded != true;
    }

    private static bool IsCandidate(HttpContext context)
    {
        if (!(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            || !StringValues.IsNullOrEmpty(context.Request.Headers.Authorization))
        {
            return false;
        }

        var endpoint = context.GetEndpoint();
        return endpoint?.Metadata.GetMetadata<PublicReadMetadata>() is not null
               || endpoint?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == ReaderCache.Policy;
    }
}
