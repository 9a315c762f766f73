using System.Globalization;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace SmartCitiesStudy.Web.Hosting;

/// <summary>
/// Slows down password and code guessing and e-mail flooding: POSTs to the sign-in, two-factor code, recovery code,
/// forgot-password, reset-password and invitation forms, and to the public "ask to take part" form of each edition, are limited per client IP address and form (fixed window; <c>RateLimiting:*</c> settings). Past the
/// limit the answer is 429 with a short page saying when to try again.
/// </summary>
public static class RateLimitingSetup
{
    /// <summary>The forms whose POSTs are limited.</summary>
    public static IReadOnlyList<string> LimitedForms { get; } =
        ["/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/AcceptInvitation"];

    public static IServiceCollection AddStudyRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var enabled = configuration.GetValue("RateLimiting:Enabled", true);
        var permits = Math.Max(1, configuration.GetValue("RateLimiting:PermitLimit", 10));
        var window = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("RateLimiting:WindowSeconds", 60)));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                enabled && HttpMethods.IsPost(context.Request.Method) && LimitedForm(context.Request.Path) is { } form
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        $"{context.Connection.RemoteIpAddress}|{form}",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = (context, cancellationToken) => WriteTooManyAsync(context, window, cancellationToken);
        });
        return services;
    }

    /// <summary>The public form of an open edition for a city to ask to take part: <c>/editions/{code}/take-part</c>.</summary>
    public const string TakePartForm = "/editions/*/take-part";

    private static string? LimitedForm(PathString path) =>
        LimitedForms.FirstOrDefault(f => path.Equals(f, StringComparison.OrdinalIgnoreCase)) ?? (IsTakePart(path) ? TakePartForm : null);

    private static bool IsTakePart(PathString path) =>
        path.Value is { } value && value.StartsWith("/editions/", StringComparison.OrdinalIgnoreCase)
        && value.EndsWith("/take-part", StringComparison.OrdinalIgnoreCase)
        && value.AsSpan("/editions/".Length, value.Length - "/editions/".Length - "/take-part".Length).IndexOf('/') < 0;

    private static async ValueTask WriteTooManyAsync(OnRejectedContext context, TimeSpan window, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
        var L = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var html = HtmlEncoder.Default;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/html; charset=utf-8";
        var page = $"""
            <!DOCTYPE html>
            <html lang="{html.Encode(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{html.Encode(L["Too many attempts"])}</title></head>
            <body>
            <main>
            <h1>{html.Encode(L["Too many attempts"])}</h1>
            <p>{html.Encode(string.Format(CultureInfo.CurrentCulture, L["This form was sent too many times from your network. Please wait {0} seconds and try again."], seconds))}</p>
            <p><a href="/Account/Login">{html.Encode(L["Back to sign in"])}</a></p>
            </main>
            </body>
            </html>
            """;
        await http.Response.WriteAsync(page, cancellationToken);
    }
}
