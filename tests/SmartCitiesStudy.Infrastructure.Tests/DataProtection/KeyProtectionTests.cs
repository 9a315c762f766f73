using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Infrastructure.DataProtection;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Infrastructure.Tests.DataProtection;

/// <summary>
/// The Data Protection keys in the database are encrypted with the configured certificate (PFX or PEM pair), stay
/// readable after a certificate rotation through the old certificates, and are required when asked (ADR 0012).
/// </summary>
public sealed class KeyProtectionTests : IAsyncLifetime
{
    private const string Purpose = "KeyProtectionTests";
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
    public async Task Keys_are_stored_encrypted_with_the_configured_certificate_and_read_back_by_another_instance()
    {
        var certificate = TestCertificate.Default;
        string token;
        await using (var first = Services(certificate.ConfigurationValues))
        {
            token = Protector(first).Protect("secretariat session");
        }

        var xml = await StoredKeyAsync();
        Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
        Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);

        await using var second = Services(certificate.ConfigurationValues);
        Assert.Equal("secretariat session", Protector(second).Unprotect(token));
    }

    [Fact]
    public async Task A_pem_certificate_and_key_pair_encrypts_the_keys_too()
    {
        var certificate = TestCertificate.Default;
        await using var services = Services(new Dictionary<string, string?>
        {
            [KeyProtectionSettings.CertificatePathKey] = certificate.PemPath,
            [KeyProtectionSettings.CertificateKeyPathKey] = certificate.KeyPath,
        });
        var token = Protector(services).Protect("x");

        Assert.Contains("encryptedSecret", await StoredKeyAsync(), StringComparison.Ordinal);
        Assert.Equal("x", Protector(services).Unprotect(token));
    }

    [Fact]
    public async Task After_a_certificate_rotation_keys_written_with_the_old_one_stay_readable_through_OldCertificates()
    {
        var old = TestCertificate.Create("CN=SmartCitiesStudy keys 2025");
        var current = TestCertificate.Create("CN=SmartCitiesStudy keys 2026");
        string token;
        await using (var before = Services(old.ConfigurationValues))
        {
            token = Protector(before).Protect("issued before the rotation");
        }

        await using (var withoutOld = Services(current.ConfigurationValues))
        {
            Assert.ThrowsAny<CryptographicException>(() => Protector(withoutOld).Unprotect(token));
        }

        var rotated = new Dictionary<string, string?>(current.ConfigurationValues)
        {
            [KeyProtectionSettings.OldCertificatesKey + ":0:Path"] = old.PfxPath,
            [KeyProtectionSettings.OldCertificatesKey + ":0:Password"] = old.Password,
        };
        await using var after = Services(rotated);
        Assert.Equal("issued before the rotation", Protector(after).Unprotect(token));
    }

    [Fact]
    public void Without_a_certificate_encrypted_keys_are_refused_when_required_with_one_line_naming_the_setting()
    {
        var ex = Assert.Throws<KeyProtectionException>(() => Register(new Dictionary<string, string?>(), requireEncryptedKeys: true));
        Assert.Contains(KeyProtectionSettings.CertificatePathKey, ex.Message, StringComparison.Ordinal);
        Assert.Contains(KeyProtectionSettings.AllowUnencryptedKeysKey, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);

        // The explicit opt-out, and no requirement (Development, the CLI), accept unencrypted keys.
        Register(new Dictionary<string, string?> { [KeyProtectionSettings.AllowUnencryptedKeysKey] = "true" }, requireEncryptedKeys: true);
        Register(new Dictionary<string, string?>(), requireEncryptedKeys: false);
    }

    [Fact]
    public void An_unusable_certificate_is_a_clear_message_naming_the_setting()
    {
        var certificate = TestCertificate.Default;
        var wrongPassword = Assert.Throws<KeyProtectionException>(() => Register(new Dictionary<string, string?>
        {
            [KeyProtectionSettings.CertificatePathKey] = certificate.PfxPath,
            [KeyProtectionSettings.CertificatePasswordKey] = "not-the-password",
        }, requireEncryptedKeys: true));
        Assert.StartsWith("DataProtection:Certificate: cannot read the certificate", wrongPassword.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<KeyProtectionException>(() => Register(new Dictionary<string, string?>
        {
            [KeyProtectionSettings.CertificatePathKey] = "/nonexistent/keys.pfx",
        }, requireEncryptedKeys: true));
        Assert.StartsWith(KeyProtectionSettings.CertificatePathKey + ": no certificate file", missing.Message, StringComparison.Ordinal);

        var noKey = Assert.Throws<KeyProtectionException>(() => Register(new Dictionary<string, string?>
        {
            [KeyProtectionSettings.CertificatePathKey] = certificate.PemPath,
        }, requireEncryptedKeys: true));
        Assert.Contains(KeyProtectionSettings.CertificateKeyPathKey, noKey.Message, StringComparison.Ordinal);
    }

    private static IDataProtector Protector(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private ServiceProvider Services(IReadOnlyDictionary<string, string?> settings) =>
        Register(settings, requireEncryptedKeys: true).BuildServiceProvider();

    private ServiceCollection Register(IReadOnlyDictionary<string, string?> settings, bool requireEncryptedKeys)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Database.ConfigurationValues)
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddStudyInfrastructure(configuration, Path.GetTempPath(), requireEncryptedKeys);
        return services;
    }

    private async Task<string> StoredKeyAsync()
    {
        await using var db = Database.CreateContext();
        return (await db.DataProtectionKeys.SingleAsync(TestContext.Current.CancellationToken)).Xml!;
    }
}
