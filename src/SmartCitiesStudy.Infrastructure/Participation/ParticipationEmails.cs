using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Notices;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Participation;

namespace SmartCitiesStudy.Infrastructure.Participation;

/// <summary>The e-mails to a city that asked to take part, in the language it chose.</summary>
internal static class ParticipationEmails
{
    public static OutgoingEmail Received(ParticipationRequest request, Edition edition)
    {
        var (subject, body) = request.Language switch
        {
            "es" => ($"Smart Cities Study {edition.Code}: hemos recibido la solicitud de {request.CityName}",
                     $"Hola, {request.ContactName}:\n\nHemos recibido la solicitud de {request.CityName} ({request.Country}) para participar en el {edition.Title}. La secretaría la estudiará y le responderá por correo electrónico; si se acepta, recibirá una invitación para responder al cuestionario."),
            "fr" => ($"Smart Cities Study {edition.Code} : nous avons reçu la demande de {request.CityName}",
                     $"Bonjour {request.ContactName},\n\nNous avons reçu la demande de {request.CityName} ({request.Country}) de participer au {edition.Title}. Le secrétariat l’examinera et vous répondra par e-mail ; si elle est acceptée, vous recevrez une invitation à répondre au questionnaire."),
            _ => ($"Smart Cities Study {edition.Code}: we received {request.CityName}'s request",
                  $"Hello {request.ContactName},\n\nWe received the request of {request.CityName} ({request.Country}) to take part in the {edition.Title}. The secretariat will consider it and answer by e-mail; if it is accepted, you will receive an invitation to answer the questionnaire."),
        };
        return new OutgoingEmail(request.Email, subject, body + "\n");
    }

    public static OutgoingEmail Accepted(ParticipationRequest request, Edition edition, string link, DateTimeOffset expiresAt)
    {
        var until = NoticeDates.Written(DateOnly.FromDateTime(expiresAt.UtcDateTime), request.Language);
        var (subject, body) = request.Language switch
        {
            "es" => ($"Smart Cities Study {edition.Code}: {request.CityName} está invitada a participar",
                     $"Hola, {request.ContactName}:\n\nLa secretaría ha aceptado la solicitud de {request.CityName} para participar en el {edition.Title}. Abra este enlace para crear su cuenta y responder al cuestionario (válido hasta el {until}; solo se puede usar una vez):\n{link}"),
            "fr" => ($"Smart Cities Study {edition.Code} : {request.CityName} est invitée à participer",
                     $"Bonjour {request.ContactName},\n\nLe secrétariat a accepté la demande de {request.CityName} de participer au {edition.Title}. Ouvrez ce lien pour créer votre compte et répondre au questionnaire (valable jusqu’au {until} ; utilisable une seule fois) :\n{link}"),
            _ => ($"Smart Cities Study {edition.Code}: {request.CityName} is invited to take part",
                  $"Hello {request.ContactName},\n\nThe secretariat accepted {request.CityName}'s request to take part in the {edition.Title}. Open this link to create your account and answer the questionnaire (valid until {until}; it can be used once):\n{link}"),
        };
        return new OutgoingEmail(request.Email, subject, body + "\n");
    }

    public static OutgoingEmail Declined(ParticipationRequest request, Edition edition)
    {
        var reason = request.DeclineReason is null ? string.Empty : "\n\n" + request.DeclineReason;
        var (subject, body) = request.Language switch
        {
            "es" => ($"Smart Cities Study {edition.Code}: respuesta a la solicitud de {request.CityName}",
                     $"Hola, {request.ContactName}:\n\nGracias por el interés de {request.CityName}. La secretaría no puede incluir a la ciudad en el {edition.Title}.{reason}"),
            "fr" => ($"Smart Cities Study {edition.Code} : réponse à la demande de {request.CityName}",
                     $"Bonjour {request.ContactName},\n\nMerci de l’intérêt de {request.CityName}. Le secrétariat ne peut pas inclure la ville dans le {edition.Title}.{reason}"),
            _ => ($"Smart Cities Study {edition.Code}: answer to {request.CityName}'s request",
                  $"Hello {request.ContactName},\n\nThank you for {request.CityName}'s interest. The secretariat cannot include the city in the {edition.Title}.{reason}"),
        };
        return new OutgoingEmail(request.Email, subject, body + "\n");
    }
}
