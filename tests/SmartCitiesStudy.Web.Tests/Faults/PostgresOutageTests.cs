using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Responses;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Testing;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Faults;

/// <summary>
/// PostgreSQL stopped and started again under a running app (on a server of the test's own): health turns 503 fast,
/// pages and the API answer an error instead of hanging, autosave fails without writing anything, and once the
/// server is back the same app recovers by itself. Answers typed in the browser meanwhile stay in localStorage
/// and the form saves them by itself once PostgreSQL is back (BrowserTests/PostgresOutageTests).
/// </summary>
public sealed class PostgresOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(15);
    private PostgresServer? _server;
    private ConfiguredWebApp? _app;

    public async ValueTask InitializeAsync()
    {
        if (!PostgresServer.CanStart)
        {
            return;
        }

        _server = await PostgresServer.StartNewAsync(TestContext.Current.CancellationToken);
        _app = new ConfiguredWebApp("Production", _server.DemoAppSettings());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_app_answers_errors_while_PostgreSQL_is_down_and_recovers_by_itself_when_it_is_back()
    {
        Assert.SkipWhen(_app is null || _server is null, PostgresServer.SkipReason);
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateBrowserClient();
        using (var healthy = await client.GetAsync(new Uri("/health", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        }

        var (officer, responseId) = await OfficerAsync();
        var version = await AnswerVersionAsync(responseId, "ss_priority_sectors");

        await _server.StopAsync(ct);
        var stopped = Stopwatch.StartNew();

        var (health, healthTime) = await TimedGetAsync(client, "/health", ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.True(healthTime < Quick, $"/health took {healthTime.TotalSeconds:0.0} s with the database down");

        var (page, pageTime) = await TimedGetAsync(client, "/editions/2017", ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Something went wrong", await page.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.True(pageTime < Quick, $"/editions/2017 took {pageTime.TotalSeconds:0.0} s with the database down");

        var (api, apiTime) = await TimedGetAsync(client, "/api/v1/editions", ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.True(apiTime < Quick, $"/api/v1/editions took {apiTime.TotalSeconds:0.0} s with the database down");

        var saveTime = Stopwatch.StartNew();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var save = scope.ServiceProvider.GetRequiredService<SaveAnswer>();
            await Assert.ThrowsAnyAsync<Exception>(() =>
                save.ExecuteAsync(officer, responseId, "ss_priority_sectors", AnswerValue.OfText("typed while the database was down"), version, ct));
        }

        Assert.True(saveTime.Elapsed < Quick, $"SaveAnswer took {saveTime.Elapsed.TotalSeconds:0.0} s to fail");
        output.WriteLine($"Down: /health {healthTime.TotalMilliseconds:0} ms ({health.StatusCode}), page {pageTime.TotalMilliseconds:0} ms ({page.StatusCode}), API {apiTime.TotalMilliseconds:0} ms ({api.StatusCode}, {api.Content.Headers.ContentType?.MediaType}), save failed after {saveTime.ElapsedMilliseconds} ms");
        health.Dispose();
        page.Dispose();
        api.Dispose();

        await _server.StartAsync(ct);
        var restarted = Stopwatch.StartNew();
        await PollUntilAsync(async () =>
        {
            using var again = await client.GetAsync(new Uri("/health", UriKind.Relative), ct);
            return again.StatusCode == HttpStatusCode.OK;
        }, "/health healthy again after PostgreSQL restarted", ct);
        output.WriteLine($"Healthy again {restarted.ElapsedMilliseconds} ms after PostgreSQL restarted (down for {stopped.ElapsedMilliseconds} ms in all)");

        using (var edition = await client.GetAsync(new Uri("/editions/2017", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.OK, edition.StatusCode);
            Assert.Contains("Bilbao", await edition.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        // Nothing was written while the database was down; the same save (same base version) now works.
        Assert.Equal(version, await AnswerVersionAsync(responseId, "ss_priority_sectors"));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<SaveAnswer>()
                .ExecuteAsync(officer, responseId, "ss_priority_sectors", AnswerValue.OfText("typed while the database was down"), version, ct);
            Assert.Null(saved.Refusal);
            Assert.Empty(saved.Problems);
        }

        Assert.Equal(version + 1, await AnswerVersionAsync(responseId, "ss_priority_sectors"));
    }

    private static async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> TimedGetAsync(HttpClient client, string path, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(40));
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), timeout.Token);
        return (response, watch.Elapsed);
    }

    private static async Task PollUntilAsync(Func<Task<bool>> condition, string what, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                Assert.Fail($"Not reached within 30 s: {what}");
            }

            await Task.Delay(250, ct);
        }
    }

    private async Task<(StudyUser User, int ResponseId)> OfficerAsync()
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudyDbContext>();
        var account = await db.Users.SingleAsync(u => u.Email == "ane.officer@bilbao.demo.smartcities.local");
        var edition = await db.Editions.SingleAsync(e => e.Code == "2026");
        var responseId = await db.Responses.Where(r => r.EditionId == edition.Id && r.CityId == account.CityId).Select(r => r.Id).SingleAsync();
        return (new StudyUser(account.Id, account.DisplayName, account.CityId, new HashSet<string> { StudyRoles.CityOfficer }), responseId);
    }

    private async Task<int> AnswerVersionAsync(int responseId, string path)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudyDbContext>();
        return await db.Answers.Where(a => a.ResponseId == responseId && a.Path == path).Select(a => a.Version).SingleOrDefaultAsync();
    }
}
