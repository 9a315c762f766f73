using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Web.Tests.People;

/// <summary>The real web app (Development, demo data) with a clock the tests can move on.</summary>
public sealed partial class PeopleWebApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public TestClock Clock { get; } = new();

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public static StudyUser Secretariat(string userId = "sec-test") => new(userId, "Sara Secretariat", null, new HashSet<string> { StudyRoles.Secretariat });

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _ = Services; // starts the app: migrated and demo-seeded before any test reads the database
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The token of the latest invitation e-mail to <paramref name="email"/>, read from the outbox table.</summary>
    public async Task<string> InvitationTokenForAsync(string email)
    {
        await using var db = Database.CreateContext();
        var body = await db.OutboxMessages.Where(m => m.To == email).OrderByDescending(m => m.Id).Select(m => m.TextBody).FirstAsync();
        return TokenInLink().Match(body).Groups[1].Value;
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

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    [GeneratedRegex(@"AcceptInvitation\?token=([A-Za-z0-9_-]+)")]
    private static partial Regex TokenInLink();
}
