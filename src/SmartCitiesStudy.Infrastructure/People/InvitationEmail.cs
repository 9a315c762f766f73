using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Security;

namespace SmartCitiesStudy.Infrastructure.People;

/// <summary>The invitation e-mail, in the study's three languages (the person has not chosen one yet).</summary>
internal static class InvitationEmail
{
    public static OutgoingEmail Create(string email, string role, string? cityName, string link, DateTimeOffset expiresAt)
    {
        var until = expiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        var (en, es, fr) = role switch
        {
            StudyRoles.Secretariat => ("the secretariat", "la secretaría", "le secrétariat"),
            StudyRoles.Reviewer => ("the reviewers", "los revisores", "les relecteurs"),
            _ => ($"the city officers of {cityName}", $"los responsables municipales de {cityName}", $"les responsables municipaux de {cityName}"),
        };
        var text = $"""
            You are invited to join {en} in the UCLG Smart Cities Study portal.
            Open this link to choose your password (valid until {until}; it can be used once):
            {link}

            Le invitamos a unirse a {es} en el portal del Estudio de Ciudades Inteligentes de CGLU.
            Abra este enlace para elegir su contraseña (válido hasta {until}; solo se puede usar una vez):
            {link}

            Vous êtes invité·e à rejoindre {fr} sur le portail de l'Étude des villes intelligentes de CGLU.
            Ouvrez ce lien pour choisir votre mot de passe (valable jusqu'au {until} ; utilisable une seule fois) :
            {link}

            If you did not expect this e-mail, you can ignore it.
            """;
        return new OutgoingEmail(email, "Smart Cities Study: your invitation / su invitación / votre invitation", text);
    }
}
