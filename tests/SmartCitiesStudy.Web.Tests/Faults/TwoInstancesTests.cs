using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Domain.Reports;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Testing;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Faults;

/// <summary>
/// Two instances of the app on one PostgreSQL database (the second neither migrates nor seeds): cookies and form
/// tokens issued by one are accepted by the other (Data Protection keys in the database), and the same missing PDF
/// asked of both at once is rendered by one of them only, stored once and served with one ETag.
/// </summary>
public sealed class TwoInstancesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase? _database;
    private ConfiguredWebApp? _a;
    private ConfiguredWebApp? _b;

    public async ValueTask InitializeAsync()
    {
        if (TestDatabase.ProviderUnderTest != DatabaseProvider.Postgres)
        {
            return;
        }

        _database = await TestDatabase.CreateAsync();
        _a = new ConfiguredWebApp("Development", Settings(_database, first: true));
        _ = _a.Services; // migrated and seeded before the second instance starts
        _b = new ConfiguredWebApp("Development", Settings(_database, first: false));
        _ = _b.Services;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in new[] { _a, _b })
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_form_from_one_instance_signs_in_on_the_other_and_its_cookie_works_on_the_first()
    {
        Assert.SkipWhen(_a is null || _b is null, "PostgreSQL only: two instances share one PostgreSQL database (SCS_TEST_DATABASE=Postgres).");
        var ct = TestContext.Current.CancellationToken;
        using var a = _a.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var b = _b.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var form = await a.GetAsync(new Uri("/Account/Login", UriKind.Relative), ct);
        var antiforgeryCookies = Cookies(form);
        var page = await form.Content.ReadAsStringAsync(ct);
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/Login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "secretariat@demo.smartcities.local",
                ["Input.Password"] = DemoAccounts.Password,
                ["__RequestVerificationToken"] = FormPost.Hidden(page, "__RequestVerificationToken"),
                ["_handler"] = FormPost.Hidden(page, "_handler"),
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookies);
        using var signedIn = await b.SendAsync(post, ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var signInCookie = Cookies(signedIn);
        Assert.Contains("scs.auth=", signInCookie, StringComparison.Ordinal);

        using var editions = new HttpRequestMessage(HttpMethod.Get, new Uri("/portal/editions", UriKind.Relative));
        editions.Headers.Add("Cookie", signInCookie);
        using var onA = await a.SendAsync(editions, ct);
        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
    }

    [Fact]
    public async Task The_same_missing_pdf_asked_of_both_instances_at_once_is_rendered_once_stored_once_and_served_with_one_etag()
    {
        Assert.SkipWhen(_a is null || _b is null || _database is null, "PostgreSQL only: two instances share one PostgreSQL database (SCS_TEST_DATABASE=Postgres).");
        var ct = TestContext.Current.CancellationToken;
        using var a = _a.CreateClient();
        using var b = _b.CreateClient();
        var path = new Uri("/editions/2017/report.pdf?lang=fr", UriKind.Relative);
        var watch = Stopwatch.StartNew();
        var responses = await Task.WhenAll(a.GetAsync(path, ct), b.GetAsync(path, ct));
        var rendersOnA = _a.Services.GetRequiredService<ReportService>().RenderCount;
        var rendersOnB = _b.Services.GetRequiredService<ReportService>().RenderCount;
        output.WriteLine($"Both PDFs in {watch.ElapsedMilliseconds} ms; renders: A {rendersOnA}, B {rendersOnB}");
        try
        {
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.NotNull(responses[0].Headers.ETag);
            Assert.Equal(responses[0].Headers.ETag, responses[1].Headers.ETag);
            Assert.Equal(1, rendersOnA + rendersOnB);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        await using var db = _database.CreateContext();
        var stored = await db.GeneratedReports
            .CountAsync(r => r.EditionCode == "2017" && r.Kind == ReportKind.Study && r.CitySlug == string.Empty && r.Language == "fr", ct);
        Assert.Equal(1, stored);
    }

    private static Dictionary<string, string?> Settings(TestDatabase database, bool first)
    {
        var settings = new Dictionary<string, string?>(database.ConfigurationValues)
        {
            ["Reports:GenerateOnPublish"] = "false",
        };
        if (!first)
        {
            settings["Database:MigrateOnStart"] = "false";
            settings["Database:SeedDemoData"] = "false";
        }

        return settings;
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0])
            : []);
}
