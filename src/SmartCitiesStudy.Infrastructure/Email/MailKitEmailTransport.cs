using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using SmartCitiesStudy.Domain.Email;

namespace SmartCitiesStudy.Infrastructure.Email;

/// <summary>Sends through the configured SMTP server with MailKit (STARTTLS unless turned off).</summary>
internal sealed class MailKitEmailTransport(SmtpSettings settings) : IEmailTransport
{
    public bool IsConfigured => settings.IsConfigured;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments)
        {
            if (attachment.Content is { } content)
            {
                body.Attachments.Add(attachment.FileName, content, ContentType.Parse(attachment.ContentType));
            }
        }

        mime.Body = body.ToMessageBody();

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("No SMTP host is configured (Email:Smtp:Host)."), settings.Port, settings.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
