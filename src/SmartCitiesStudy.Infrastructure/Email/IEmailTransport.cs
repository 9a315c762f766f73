using SmartCitiesStudy.Domain.Email;

namespace SmartCitiesStudy.Infrastructure.Email;

/// <summary>Hands one e-mail to a mail server. MailKit over SMTP in production; tests use a fake.</summary>
public interface IEmailTransport
{
    /// <summary>False when there is nowhere to send to (no SMTP host): messages then stay queued.</summary>
    bool IsConfigured { get; }

    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
