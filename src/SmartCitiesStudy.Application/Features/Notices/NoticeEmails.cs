using System.Globalization;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Application.Features.Notices;

/// <summary>The schedule's and the review's e-mails to cities and the secretariat, in each recipient's language.</summary>
public static class NoticeEmails
{
    public static OutgoingEmail Reminder(CityOfficerContact officer, Edition edition, DateOnly deadline, int daysLeft)
    {
        var date = NoticeDates.Written(deadline, officer.Culture);
        var days = daysLeft.ToString(CultureInfo.InvariantCulture);
        var (subject, body) = officer.Culture switch
        {
            "es" => ($"Smart Cities Study {edition.Code}: quedan {days} días para enviar su respuesta",
                     $"Hola, {officer.Name}:\n\nLa respuesta de su ciudad al {edition.Title} aún no se ha enviado. El plazo termina el {date} (al final del día, UTC). Entre en el portal, complete las respuestas que faltan y envíela."),
            "fr" => ($"Smart Cities Study {edition.Code} : plus que {days} jours pour envoyer votre réponse",
                     $"Bonjour {officer.Name},\n\nLa réponse de votre ville au {edition.Title} n’a pas encore été envoyée. La date limite est le {date} (fin de journée, UTC). Connectez-vous au portail, complétez les réponses manquantes et envoyez-la."),
            _ => ($"Smart Cities Study {edition.Code}: {days} days left to submit your response",
                  $"Hello {officer.Name},\n\nYour city's response to the {edition.Title} has not been submitted yet. The deadline is {date} (end of the day, UTC). Sign in to the portal, complete the missing answers and submit it."),
        };
        return new OutgoingEmail(officer.Email, subject, body + "\n");
    }

    public static OutgoingEmail Received(CityOfficerContact officer, Edition edition, string cityName, DateTimeOffset at)
    {
        var date = NoticeDates.Written(DateOnly.FromDateTime(at.UtcDateTime), officer.Culture);
        var (subject, body) = officer.Culture switch
        {
            "es" => ($"Smart Cities Study {edition.Code}: hemos recibido la respuesta de {cityName}",
                     $"Hola, {officer.Name}:\n\nLa secretaría ha recibido la respuesta de {cityName} al {edition.Title}, enviada el {date}. Sus respuestas van adjuntas en PDF; también puede verlas e imprimirlas en el portal. Le escribiremos cuando se haya revisado."),
            "fr" => ($"Smart Cities Study {edition.Code} : nous avons reçu la réponse de {cityName}",
                     $"Bonjour {officer.Name},\n\nLe secrétariat a reçu la réponse de {cityName} au {edition.Title}, envoyée le {date}. Vos réponses sont jointes en PDF ; vous pouvez aussi les consulter et les imprimer sur le portail. Nous vous écrirons une fois la réponse relue."),
            _ => ($"Smart Cities Study {edition.Code}: we received {cityName}'s response",
                  $"Hello {officer.Name},\n\nThe secretariat received {cityName}'s response to the {edition.Title}, submitted on {date}. Your answers are attached as PDF; you can also view and print them in the portal. We will write again once it has been reviewed."),
        };
        return new OutgoingEmail(officer.Email, subject, body + "\n");
    }

    public static OutgoingEmail Approved(CityOfficerContact officer, Edition edition)
    {
        var (subject, body) = officer.Culture switch
        {
            "es" => ($"Smart Cities Study {edition.Code}: la respuesta de su ciudad ha sido aprobada",
                     $"Hola, {officer.Name}:\n\nLa secretaría ha revisado y aprobado la respuesta de su ciudad al {edition.Title}. Contará en las cifras del estudio cuando se publique. Gracias por su participación."),
            "fr" => ($"Smart Cities Study {edition.Code} : la réponse de votre ville a été approuvée",
                     $"Bonjour {officer.Name},\n\nLe secrétariat a relu et approuvé la réponse de votre ville au {edition.Title}. Elle comptera dans les chiffres de l’étude à sa publication. Merci de votre participation."),
            _ => ($"Smart Cities Study {edition.Code}: your city's response was approved",
                  $"Hello {officer.Name},\n\nThe secretariat reviewed and approved your city's response to the {edition.Title}. It will count in the study's figures when they are published. Thank you for taking part."),
        };
        return new OutgoingEmail(officer.Email, subject, body + "\n");
    }

    public static OutgoingEmail Digest(CityOfficerContact person, IReadOnlyList<DigestLine> lines, DateOnly day)
    {
        var date = NoticeDates.Written(day, person.Culture);
        var (subject, intro, line) = person.Culture switch
        {
            "es" => ($"Smart Cities Study: resumen del {date}", $"Hola, {person.Name}:\n\nNovedades de las ediciones abiertas en las últimas 24 horas:", "{0}: {1} respuesta(s) nueva(s) enviada(s), {2} devuelta(s) en espera de la ciudad, {3} por revisar."),
            "fr" => ($"Smart Cities Study : résumé du {date}", $"Bonjour {person.Name},\n\nDu nouveau dans les éditions en cours ces dernières 24 heures :", "{0} : {1} nouvelle(s) réponse(s) envoyée(s), {2} renvoyée(s) en attente de la ville, {3} à relire."),
            _ => ($"Smart Cities Study: digest of {date}", $"Hello {person.Name},\n\nWhat happened in the running editions in the last 24 hours:", "{0}: {1} new submission(s), {2} returned and waiting for the city, {3} to review."),
        };
        var body = intro + "\n\n" + string.Join("\n", lines.Select(l => "- " + string.Format(CultureInfo.InvariantCulture, line, l.EditionCode, l.NewSubmissions, l.ReturnsWaiting, l.ToReview)));
        return new OutgoingEmail(person.Email, subject, body + "\n");
    }
}

/// <summary>One edition's line in the secretariat's daily digest.</summary>
public sealed record DigestLine(string EditionCode, int NewSubmissions, int ReturnsWaiting, int ToReview);
