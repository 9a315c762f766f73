using Microsoft.AspNetCore.Identity;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Infrastructure.Identity;

namespace SmartCitiesStudy.Web.Components.Account;

/// <summary>Identity's account e-mails (password reset) go through the outbox like every other e-mail.</summary>
internal sealed class OutboxEmailSender(IStudyDbContextFactory dbFactory, IEmailOutbox outbox) : IEmailSender<ApplicationUser>
{
    private const string Subject = "Smart Cities Study: choose a new password / elija una nueva contraseña / choisissez un nouveau mot de passe";

    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        QueueAsync(email, "Smart Cities Study: confirm your address", $"Open this link to confirm your address:\n{confirmationLink}\n");

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        QueueAsync(email, Subject, $"""
            Open this link to choose a new password for the Smart Cities Study portal:
            {resetLink}

            Abra este enlace para elegir una nueva contraseña del portal del Estudio de Ciudades Inteligentes:
            {resetLink}

            Ouvrez ce lien pour choisir un nouveau mot de passe pour le portail de l'Étude des villes intelligentes :
            {resetLink}

            If you did not ask for this, ignore this e-mail: your password stays as it is.
            """);

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        QueueAsync(email, Subject, $"Your password reset code: {resetCode}\n");

    private async Task QueueAsync(string email, string subject, string text)
    {
        await using var db = await dbFactory.CreateAsync();
        outbox.Enqueue(db, new OutgoingEmail(email, subject, text));
        await db.SaveChangesAsync();
    }
}
