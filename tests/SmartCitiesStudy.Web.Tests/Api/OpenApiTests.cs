using System.Net;
using System.Text.Json;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Api;

public sealed class OpenApiTests(StudyWebApp app) : IClassFixture<StudyWebApp>
{
    [Fact]
    public async Task Anyone_reads_the_api_description_which_lists_the_open_data_endpoints_and_nothing_else()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateBrowserClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), ct));

        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/editions", paths);
        Assert.Contains("/api/v1/editions/{code}/indicators", paths);
        Assert.Contains("/api/v1/editions/{code}/responses.csv", paths);
        Assert.Contains("/api/v1/editions/{code}/responses.xlsx", paths);
        Assert.Contains("/api/v1/editions/{code}/package.zip", paths);
        Assert.Contains("/api/v1/indicators/{id}/trend", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_reference_page_loads_its_script_from_this_site_and_only_it_allows_inline_script()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateBrowserClient();
        using var reference = await client.GetAsync(new Uri("/scalar/", UriKind.Relative), ct);
        if (reference.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Redirect or HttpStatusCode.Found)
        {
            Assert.Fail($"/scalar redirected to {reference.Headers.Location}");
        }

        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        var html = await reference.Content.ReadAsStringAsync(ct);
        Assert.DoesNotContain("cdn.jsdelivr", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("'unsafe-inline'", ScriptPolicy(reference), StringComparison.Ordinal);

        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), ct);
        Assert.DoesNotContain("'unsafe-inline'", ScriptPolicy(home), StringComparison.Ordinal);
    }

    private static string ScriptPolicy(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single().Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal));
}
