using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Infrastructure.People;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Testing;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Security;

/// <summary>
/// The real web app with one signed-in cookie client per <see cref="Caller"/>, shared by the matrix tests. The
/// deactivated caller signs in first and is deactivated afterwards: its cookie must stop working.
/// </summary>
public sealed class MatrixWebApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DeactivatedEmail = "jon.officer@bilbao.demo.smartcities.local";

    private static readonly Dictionary<Caller, string> Emails = new()
    {
        [Caller.OfficerBilbao] = "ane.officer@bilbao.demo.smartcities.local",
        [Caller.OfficerPorto] = "rita.officer@porto.demo.smartcities.local",
        [Caller.Reviewer] = "reviewer@demo.smartcities.local",
        [Caller.Secretariat] = "secretariat@demo.smartcities.local",
        [Caller.Deactivated] = DeactivatedEmail,
    };

    private readonly Dictionary<Caller, HttpClient> _clients = [];
    private readonly Dictionary<string, string> _placeholders = new(StringComparer.Ordinal);
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public HttpClient ClientOf(Caller caller) => _clients[caller];

    public string Resolve(string url) =>
        _placeholders.Aggregate(url, (current, p) => current.Replace(p.Key, p.Value, StringComparison.Ordinal));

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _clients[Caller.Anonymous] = CreateBrowserClient();
        foreach (var (caller, email) in Emails)
        {
            var client = CreateBrowserClient();
            using var signIn = await FormPost.SignInAsync(client, email, DemoAccounts.Password);
            if (signIn.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"{email} could not sign in: {(int)signIn.StatusCode}.");
            }

            _clients[caller] = client;
        }

        await DeactivateAsync(DeactivatedEmail);
        await using var db = Database.CreateContext();
        foreach (var city in new[] { "bilbao", "porto" })
        {
            var id = await db.Responses
                .Where(r => r.EditionId == db.Editions.Single(e => e.Code == "2026").Id && r.CityId == db.Cities.Single(c => c.Slug == city).Id)
                .Select(r => r.Id)
                .SingleAsync();
            _placeholders[$"{{{city}2026}}"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var scope = Services.CreateAsyncScope();
        var practices = await scope.ServiceProvider.GetRequiredService<ListGoodPractices>().ExecuteAsync("2017");
        _placeholders["{goodPractice}"] = practices[0].Id;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in Database.ConfigurationValues)
        {
            builder.UseSetting(key, value);
        }

        // Keys encrypted at rest as in production (ADR 0012), so the same host also starts outside Development.
        foreach (var (key, value) in TestCertificate.Default.ConfigurationValues)
        {
            builder.UseSetting(key, value);
        }

        // Tests sign in many times from one (unknown) address: no rate limit unless a test turns it on.
        builder.UseSetting("RateLimiting:Enabled", "false");

        // Check the security stamp on every request, so the deactivated caller's cookie fails at once.
        builder.UseSetting("Security:SessionRevalidationSeconds", "0");
    }

    private HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task DeactivateAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        await using var db = Database.CreateContext();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var result = await scope.ServiceProvider.GetRequiredService<ManagePerson>().SetActiveAsync(userId, active: false, StudyUser.System);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not deactivate {email}: {result.Error}");
        }
    }
}
