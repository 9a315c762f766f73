using Microsoft.Extensions.Configuration;

namespace SmartCitiesStudy.Infrastructure.Email;

/// <summary>
/// SMTP settings (<c>Email:Smtp:Host/Port/UseStartTls/User/Password/From</c>), from configuration or environment
/// variables; never in the repository. Without a host, e-mail stays queued in the outbox.
/// </summary>
public sealed record SmtpSettings(string? Host, int Port, bool UseStartTls, string? User, string? Password, string From)
{
    public const string Section = "Email:Smtp";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public static SmtpSettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new SmtpSettings(
            section["Host"],
            section.GetValue("Port", 587),
            section.GetValue("UseStartTls", true),
            section["User"],
            section["Password"],
            section["From"] is { Length: > 0 } from ? from : "Smart Cities Study <no-reply@smartcities.local>");
    }
}
