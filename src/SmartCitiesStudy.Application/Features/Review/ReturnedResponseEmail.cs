using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Application.Features.Review;

/// <summary>The e-mail a city's officers get when their response is returned, in their language.</summary>
public static class ReturnedResponseEmail
{
    public static OutgoingEmail For(CityOfficerContact officer, Edition edition, string? message)
    {
        var (subject, body) = officer.Culture switch
        {
            "es" => ($"Smart Cities Study {edition.Code}: la secretaría ha devuelto su respuesta",
                     $"Hola, {officer.Name}:\n\nLa secretaría ha revisado la respuesta de su ciudad al {edition.Title} y se la ha devuelto con comentarios junto a las respuestas que revisar. Entre en el portal, responda a los comentarios o cambie las respuestas y vuelva a enviarla."),
            "fr" => ($"Smart Cities Study {edition.Code} : le secrétariat a renvoyé votre réponse",
                     $"Bonjour {officer.Name},\n\nLe secrétariat a relu la réponse de votre ville au {edition.Title} et vous l’a renvoyée avec des commentaires à côté des réponses à revoir. Connectez-vous au portail, répondez aux commentaires ou modifiez les réponses, puis renvoyez-la."),
            _ => ($"Smart Cities Study {edition.Code}: the secretariat returned your response",
                  $"Hello {officer.Name},\n\nThe secretariat reviewed your city's response to the {edition.Title} and returned it with comments next to the answers to check. Sign in to the portal, reply to the comments or change the answers, and submit it again."),
        };
        if (!string.IsNullOrWhiteSpace(message))
        {
            body += $"\n\n— {message.Trim()}";
        }

        return new OutgoingEmail(officer.Email, subject, body + "\n");
    }
}
