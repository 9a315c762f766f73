using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SmartCitiesStudy.Infrastructure.DataProtection;
using SmartCitiesStudy.Testing;
using SmartCitiesStudy.Web.Hosting;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Security;

/// <summary>
/// Outside Development the web app encrypts its Data Protection keys with the configured certificate and refuses to
/// start without one, unless <c>DataProtection:AllowUnencryptedKeys=true</c> says otherwise (ADR 0012).
/// </summary>
public sealed class KeyProtectionStartupTests : IAsyncLifetime
{
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public void Outside_development_without_a_certificate_the_app_refuses_to_start_naming_the_setting()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(Database.ConfigurationValues);
        var ex = Assert.Throws<KeyProtectionException>(() => builder.AddStudyWeb());
        Assert.Contains("DataProtection:Certificate:Path", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void In_development_a_missing_certificate_is_accepted()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(Database.ConfigurationValues);
        builder.AddStudyWeb();
    }

    [Fact]
    public async Task In_production_the_keys_behind_a_sign_in_form_are_stored_encrypted()
    {
        await using var app = new ConfiguredWebApp("Production", Database.ConfigurationValues);
        using var client = app.CreateClient();
        using var form = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);

        await using var db = Database.CreateContext();
        var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal));
        Assert.All(keys, xml => Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_production_the_explicit_opt_out_starts_with_unencrypted_keys()
    {
        var settings = new Dictionary<string, string?>(Database.ConfigurationValues)
        {
            [KeyProtectionSettings.CertificatePathKey] = "",
            [KeyProtectionSettings.AllowUnencryptedKeysKey] = "true",
        };
        await using var app = new ConfiguredWebApp("Production", settings);
        using var client = app.CreateClient();
        using var form = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }
}
