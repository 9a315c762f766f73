using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartCitiesStudy.Testing;

/// <summary>
/// Self-signed RSA certificates for the Data Protection keys, written once per test run to temporary files: as a
/// password-protected PFX and as a PEM certificate and key pair, deleted when the test process ends.
/// </summary>
public sealed record TestCertificate(string Subject, string PfxPath, string Password, string PemPath, string KeyPath, string Thumbprint)
{
    private static readonly Lazy<TestCertificate> Keys = new(() => Create("CN=SmartCitiesStudy test keys"));

    /// <summary>The certificate the test web apps encrypt their keys with.</summary>
    public static TestCertificate Default => Keys.Value;

    /// <summary>The settings that give the app this certificate as a PFX file and its password.</summary>
    public IReadOnlyDictionary<string, string?> ConfigurationValues => new Dictionary<string, string?>
    {
        ["DataProtection:Certificate:Path"] = PfxPath,
        ["DataProtection:Certificate:Password"] = Password,
    };

    public static TestCertificate Create(string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var folder = Directory.CreateTempSubdirectory("scs-cert-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var pfx = Path.Combine(folder, "keys.pfx");
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, password));
        var pem = Path.Combine(folder, "keys.crt");
        File.WriteAllText(pem, certificate.ExportCertificatePem());
        var key = Path.Combine(folder, "keys.key");
        File.WriteAllText(key, rsa.ExportPkcs8PrivateKeyPem());
        return new TestCertificate(subject, pfx, password, pem, key, certificate.Thumbprint);
    }
}
