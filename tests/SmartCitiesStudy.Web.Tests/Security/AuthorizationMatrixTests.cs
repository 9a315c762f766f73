using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SmartCitiesStudy.Web.Tests.Security;

/// <summary>Runs <see cref="AuthorizationMatrix"/> against the real app and checks that it covers every endpoint.</summary>
public sealed class AuthorizationMatrixTests(MatrixWebApp app) : IClassFixture<MatrixWebApp>
{
    [Fact]
    public void Every_endpoint_of_the_app_has_a_row_in_the_matrix()
    {
        var routes = AppRoutes();
        var covered = AuthorizationMatrix.Rows.Select(r => Normalise(r.Pattern)).ToHashSet(StringComparer.Ordinal);
        var missing = routes.Where(r => !covered.Contains(r)).Order(StringComparer.Ordinal).ToList();
        var names = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => missing.Contains(Normalise(e.RoutePattern.RawText ?? string.Empty)))
            .Select(e => $"{e.RoutePattern.RawText} ({e.DisplayName})");
        Assert.True(missing.Count == 0, "Endpoints without a row in AuthorizationMatrix: " + string.Join(", ", names));

        var stale = AuthorizationMatrix.Rows.Where(r => !r.Pending && !routes.Contains(Normalise(r.Pattern))).Select(r => r.Pattern).Distinct().ToList();
        Assert.True(stale.Count == 0, "Rows for routes the app does not have (mark them Pending or remove them): " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_caller_gets_what_the_matrix_says()
    {
        var routes = AppRoutes();
        var rows = AuthorizationMatrix.Rows.Where(r => !r.Pending || routes.Contains(Normalise(r.Pattern))).ToList();
        var callers = Enum.GetValues<Caller>();
        var failures = new List<string>();
        var table = new StringBuilder();
        foreach (var row in rows)
        {
            table.Append(CultureInfo.InvariantCulture, $"{row,-70}");
            foreach (var caller in callers)
            {
                var actual = await SendAsync(row, caller);
                table.Append(CultureInfo.InvariantCulture, $" {actual,-10}");
                if (actual != row.For(caller).ToString())
                {
                    failures.Add($"{row} as {caller}: expected {row.For(caller)}, got {actual}");
                }
            }

            table.AppendLine();
        }

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"Authorization matrix: {rows.Count} rows × {callers.Length} callers = {rows.Count * callers.Length} cells ({AuthorizationMatrix.Rows.Count(r => r.Pending) - AuthorizationMatrix.Rows.Count(r => r.Pending && routes.Contains(Normalise(r.Pattern)))} pending rows skipped: their routes do not exist yet).");
        output?.WriteLine(table.ToString());
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// The app's own routes. Left out, explicitly: Blazor's hub and framework files (<c>/_blazor</c>,
    /// <c>/_framework</c>), the static assets of <c>MapStaticAssets</c> (wwwroot, library bundles) and the fallback
    /// for file names (<c>{**path:file}</c>, which only ever serves files from wwwroot).
    /// </summary>
    private HashSet<string> AppRoutes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => !IsFrameworkOrStaticAsset(e))
            .Select(e => Normalise(e.RoutePattern.RawText ?? string.Empty))
            .ToHashSet(StringComparer.Ordinal);

    private static bool IsFrameworkOrStaticAsset(RouteEndpoint endpoint)
    {
        var raw = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
        return raw.StartsWith("/_blazor", StringComparison.Ordinal)
            || raw.StartsWith("/_framework", StringComparison.Ordinal)
            || raw == "/{**path:file}"
            || endpoint.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor");
    }

    /// <summary>Case-insensitive, parameters without names or constraints, no trailing slash.</summary>
    private static string Normalise(string pattern)
    {
        var text = "/" + pattern.Trim('/').ToLowerInvariant();
        var result = new StringBuilder();
        var depth = 0;
        foreach (var c in text)
        {
            if (c == '{')
            {
                depth++;
                if (depth == 1)
                {
                    result.Append("{}");
                }
            }
            else if (c == '}')
            {
                depth--;
            }
            else if (depth == 0)
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private async Task<string> SendAsync(AuthorizationMatrixRow row, Caller caller)
    {
        var uri = new Uri(app.Resolve(row.Url), UriKind.Relative);
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), uri);
        if (row.Method == "POST")
        {
            // A form as a page would post it, but without the antiforgery token.
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "someone@example.org" });
        }

        using var response = await app.ClientOf(caller).SendAsync(request, TestContext.Current.CancellationToken);
        return Classify(response);
    }

    private static string Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? string.Empty;
        return response.StatusCode switch
        {
            HttpStatusCode.OK => nameof(Outcome.Ok),
            HttpStatusCode.NotFound => nameof(Outcome.NotFound),
            HttpStatusCode.BadRequest => nameof(Outcome.BadRequest),
            HttpStatusCode.Forbidden => nameof(Outcome.Denied),
            HttpStatusCode.Redirect when location.Contains("/Account/Login", StringComparison.Ordinal) => nameof(Outcome.SignIn),
            HttpStatusCode.Redirect when location.Contains("/Account/AccessDenied", StringComparison.Ordinal) => nameof(Outcome.Denied),
            HttpStatusCode.Redirect => nameof(Outcome.Redirect),
            _ => $"{(int)response.StatusCode}",
        };
    }
}
