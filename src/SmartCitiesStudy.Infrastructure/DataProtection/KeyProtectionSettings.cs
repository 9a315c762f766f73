using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace SmartCitiesStudy.Infrastructure.DataProtection;

/// <summary>
/// How the Data Protection keys (which sign cookies and antiforgery tokens) are encrypted at rest in the database
/// (ADR 0012): with the X.509 certificate of <c>DataProtection:Certificate</c> (a PFX file with its password, or a PEM
/// certificate with its PEM key), and readable with that one and every <c>DataProtection:OldCertificates</c> entry,
/// so keys written before a certificate rotation keep working.
/// </summary>
public sealed class KeyProtectionSettings
{
    public const string CertificatePathKey = "DataProtection:Certificate:Path";
    public const string CertificateKeyPathKey = "DataProtection:Certificate:KeyPath";
    public const string CertificatePasswordKey = "DataProtection:Certificate:Password";
    public const string OldCertificatesKey = "DataProtection:OldCertificates";
    public const string AllowUnencryptedKeysKey = "DataProtection:AllowUnencryptedKeys";

    private KeyProtectionSettings(X509Certificate2? certificate, IReadOnlyList<X509Certificate2> oldCertificates, bool allowUnencryptedKeys)
    {
        Certificate = certificate;
        OldCertificates = oldCertificates;
        AllowUnencryptedKeys = allowUnencryptedKeys;
    }

    /// <summary>The certificate new keys are encrypted with; null when none is configured.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>Certificates that only decrypt: keys written before the current certificate.</summary>
    public IReadOnlyList<X509Certificate2> OldCertificates { get; }

    /// <summary>Whether keys may be stored unencrypted outside Development (an explicit choice).</summary>
    public bool AllowUnencryptedKeys { get; }

    /// <summary>
    /// Reads the settings and loads the certificates (relative paths from <paramref name="basePath"/>). A configured
    /// certificate that cannot be used is a <see cref="KeyProtectionException"/> naming the setting.
    /// </summary>
    public static KeyProtectionSettings FromConfiguration(IConfiguration configuration, string basePath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var current = configuration.GetSection("DataProtection:Certificate");
        var certificate = string.IsNullOrWhiteSpace(current["Path"]) ? null : Load(current, basePath);
        var old = configuration.GetSection(OldCertificatesKey).GetChildren()
            .Where(s => !string.IsNullOrWhiteSpace(s["Path"]))
            .Select(s => Load(s, basePath))
            .ToList();
        return new KeyProtectionSettings(certificate, old, configuration.GetValue(AllowUnencryptedKeysKey, false));
    }

    /// <summary>
    /// Outside Development keys must be encrypted: without a certificate (and without the explicit opt-out) this is a
    /// <see cref="KeyProtectionException"/> whose one-line message names the settings.
    /// </summary>
    public void EnsureKeysEncrypted()
    {
        if (Certificate is null && !AllowUnencryptedKeys)
        {
            throw new KeyProtectionException(
                $"the Data Protection keys (sign-in cookies, form tokens) would be stored unencrypted: set {CertificatePathKey} " +
                $"(a PFX file with {CertificatePasswordKey}, or a PEM certificate with {CertificateKeyPathKey}), " +
                $"or {AllowUnencryptedKeysKey}=true to accept unencrypted keys.");
        }
    }

    /// <summary>Encrypts new keys with the certificate and decrypts with it and the old ones.</summary>
    public void ApplyTo(IDataProtectionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (Certificate is not null)
        {
            builder.ProtectKeysWithCertificate(Certificate);
        }

        // Decryption looks the certificate up in the machine's store unless it is given here (none on Linux).
        var readers = (Certificate is null ? OldCertificates : [Certificate, .. OldCertificates]).ToArray();
        if (readers.Length > 0)
        {
            builder.UnprotectKeysWithAnyCertificate(readers);
        }
    }

    private static X509Certificate2 Load(IConfigurationSection section, string basePath)
    {
        var setting = section.Path;
        var path = Path.GetFullPath(section["Path"]!, basePath);
        if (!File.Exists(path))
        {
            throw new KeyProtectionException($"{setting}:Path: no certificate file {path}.");
        }

        var keyPath = string.IsNullOrWhiteSpace(section["KeyPath"]) ? null : Path.GetFullPath(section["KeyPath"]!, basePath);
        if (keyPath is not null && !File.Exists(keyPath))
        {
            throw new KeyProtectionException($"{setting}:KeyPath: no key file {keyPath}.");
        }

        var password = string.IsNullOrEmpty(section["Password"]) ? null : section["Password"];
        X509Certificate2 certificate;
        try
        {
            certificate = IsPem(path)
                ? password is null
                    ? X509Certificate2.CreateFromPemFile(path, keyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new KeyProtectionException($"{setting}: cannot read the certificate {path} (wrong password, or a PEM key missing from {setting}:KeyPath?): {ex.Message.Trim()}", ex);
        }

        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is null)
        {
            throw new KeyProtectionException($"{setting}:Path: {path} is not an RSA certificate (XML encryption of the keys needs RSA).");
        }

        if (!certificate.HasPrivateKey)
        {
            throw new KeyProtectionException($"{setting}: the certificate {path} comes without its private key: give a PFX, or the PEM key in {setting}:KeyPath.");
        }

        return certificate;
    }

    private static bool IsPem(string path)
    {
        using var reader = new StreamReader(path);
        var start = new char[64];
        var read = reader.ReadBlock(start, 0, start.Length);
        return new string(start, 0, read).TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal);
    }
}
