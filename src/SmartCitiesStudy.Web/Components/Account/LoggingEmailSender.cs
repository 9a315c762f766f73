using Microsoft.AspNetCore.Identity;
using SmartCitiesStudy.Infrastructure.Identity;

namespace SmartCitiesStudy.Web.Components.Account;

/// <summary>
/// Identity's account e-mails (password reset) until the outbox and SMTP sender exist: the link is written to the
/// log, never to the page.
/// </summary>
internal sealed partial class LoggingEmailSender(ILogger<LoggingEmailSender> logger) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        Log(email, "confirm your account", confirmationLink);

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        Log(email, "reset your password", resetLink);

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        Log(email, "reset your password (code)", resetCode);

    private Task Log(string email, string purpose, string link)
    {
        LogEmail(logger, email, purpose, link);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail to {Email}: {Purpose}: {Link}")]
    private static partial void LogEmail(ILogger logger, string email, string purpose, string link);
}
