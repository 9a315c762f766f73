using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.People;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Infrastructure.People;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Reports.Texts;

namespace SmartCitiesStudy.Infrastructure.Participation;

/// <summary>
/// Which cities a call goes to: all of the registry narrowed by region, population band (the edition's population,
/// else the last one known), UCLG membership and whether the city took part (submitted or approved a response) in
/// an earlier edition.
/// </summary>
public sealed record CallFilter(Region? Region = null, PopulationBand? Band = null, bool? UclgMember = null, string? PastEdition = null, bool TookPart = true);

/// <summary>The call in one language: a subject and a Markdown body.</summary>
public sealed record CallText(string Subject, string Markdown);

/// <summary>One contact a call is written to.</summary>
public sealed record CallRecipient(int CityId, string City, string Country, string Name, string Email, string Language);

/// <summary>Who a call would reach: its recipients, and the matching cities that have no contact to write to.</summary>
public sealed record CallAudience(IReadOnlyList<CallRecipient> Recipients, int Cities, IReadOnlyList<string> CitiesWithoutContacts);

/// <summary>A call sent (how many e-mails), or why not.</summary>
public sealed record CallResult(bool Succeeded, int Sent = 0, string? Error = null);

/// <summary>
/// The secretariat's call for participation in an edition: one e-mail per contact of the chosen cities, in the
/// contact's language, each with that city's own invitation link (a new city-officer invitation for the contact; a
/// contact who already has an account is asked to sign in). E-mails, invitations and the audit entries are stored
/// in one transaction: a call goes out whole or not at all.
/// </summary>
public sealed class CallForParticipation(IDbContextFactory<StudyDbContext> dbFactory, IEmailOutbox outbox, PeopleOptions options, TimeProvider clock)
{
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 20_000;

    public async Task<CallAudience?> AudienceAsync(string editionCode, CallFilter filter, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var edition = await db.Editions.AsNoTracking().SingleOrDefaultAsync(e => e.Code == editionCode, cancellationToken);
        return edition is null ? null : await AudienceAsync(db, edition, filter, cancellationToken);
    }

    /// <param name="acceptUrl">The absolute address of the invitation page; the token is added as <c>?token=</c>.</param>
    /// <param name="signInUrl">Where a contact who already has an account signs in.</param>
    public async Task<CallResult> SendAsync(
        string editionCode, CallFilter filter, IReadOnlyDictionary<string, CallText> texts, string acceptUrl, string signInUrl, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return new CallResult(false, Error: "Only the secretariat can send a call for participation.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var edition = await db.Editions.AsNoTracking().SingleOrDefaultAsync(e => e.Code == editionCode, cancellationToken);
        if (edition is null)
        {
            return new CallResult(false, Error: $"There is no edition '{editionCode}'.");
        }

        if (edition.Status is not (EditionStatus.Draft or EditionStatus.Open))
        {
            return new CallResult(false, Error: $"Edition {edition.Code} is {edition.Status.ToString().ToLowerInvariant()}: calls go out for a draft or open edition.");
        }

        var audience = await AudienceAsync(db, edition, filter, cancellationToken);
        if (audience.Recipients.Count == 0)
        {
            return new CallResult(false, Error: "No contact matches the filters: nobody would receive the call.");
        }

        var problem = CheckTexts(texts, audience.Recipients);
        if (problem is not null)
        {
            return new CallResult(false, Error: problem);
        }

        var now = clock.GetUtcNow();
        var emails = audience.Recipients.Select(r => r.Email).Distinct().ToList();
        var normalized = emails.Select(e => e.ToUpperInvariant()).ToList();
        var withAccount = (await db.Users.AsNoTracking().Where(u => u.NormalizedEmail != null && normalized.Contains(u.NormalizedEmail)).Select(u => u.Email!).ToListAsync(cancellationToken))
            .Select(e => e.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        foreach (var previous in await db.Invitations.Where(i => emails.Contains(i.Email) && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(cancellationToken))
        {
            previous.Revoke(now); // superseded by the call's link
        }

        var invitations = new List<(Invitation Invitation, CallRecipient To)>();
        foreach (var recipient in audience.Recipients)
        {
            string link;
            if (withAccount.Contains(recipient.Email))
            {
                link = signInUrl;
            }
            else
            {
                var (token, hash) = InvitationToken.Create();
                var invitation = new Invitation(recipient.Email, StudyRoles.CityOfficer, recipient.CityId, hash, now, options.InvitationValidFor, user.UserId);
                db.Invitations.Add(invitation);
                invitations.Add((invitation, recipient));
                link = acceptUrl + (acceptUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "token=" + token;
            }

            outbox.Enqueue(db, Email(texts[recipient.Language], recipient, edition, link, withAccount.Contains(recipient.Email)));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (invitation, to) in invitations)
        {
            db.Record(now, user, AuditActions.PersonInvited, "invitation", invitation.Id.ToString(CultureInfo.InvariantCulture),
                after: $"{to.Email}: {RoleText.Describe(StudyRoles.CityOfficer, to.City)}", reason: $"call for participation in {edition.Code}");
        }

        db.Record(now, user, AuditActions.CallSent, "edition", edition.Id.ToString(CultureInfo.InvariantCulture), editionId: edition.Id,
            after: $"{audience.Recipients.Count} e-mail(s) to {audience.Recipients.Select(r => r.CityId).Distinct().Count()} city(ies): {Describe(filter)}; subject \"{texts.GetValueOrDefault("en")?.Subject ?? texts.Values.First().Subject}\"");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CallResult(true, audience.Recipients.Count);
    }

    /// <summary>The e-mail of one contact: the secretariat's text, then the city's link.</summary>
    internal static OutgoingEmail Email(CallText text, CallRecipient to, Edition edition, string link, bool hasAccount)
    {
        var until = NoticeDateText(edition, to.Language);
        var line = (to.Language, hasAccount) switch
        {
            ("es", false) => $"Para responder por {to.City}, acepte su invitación (solo se puede usar una vez):",
            ("fr", false) => $"Pour répondre au nom de {to.City}, acceptez votre invitation (à usage unique) :",
            (_, false) => $"To answer for {to.City}, accept your invitation (it can be used once):",
            ("es", true) => $"Ya tiene una cuenta en el portal: inicie sesión para responder por {to.City}:",
            ("fr", true) => $"Vous avez déjà un compte sur le portail : connectez-vous pour répondre au nom de {to.City} :",
            _ => $"You already have an account in the portal: sign in to answer for {to.City}:",
        };
        var textBody = text.Markdown.Trim() + "\n\n" + line + "\n" + link + "\n" + until;
        var html = TextMarkdown.ToHtml(text.Markdown)
            + $"<p>{WebUtility.HtmlEncode(line)}<br><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>"
            + (until.Length == 0 ? string.Empty : $"<p>{WebUtility.HtmlEncode(until.Trim())}</p>");
        return new OutgoingEmail(to.Email, text.Subject.Trim(), textBody.TrimEnd() + "\n", html);
    }

    private static string NoticeDateText(Edition edition, string language)
    {
        if (edition.Deadline is not { } deadline)
        {
            return string.Empty;
        }

        var date = Application.Features.Notices.NoticeDates.Written(deadline, language);
        return language switch
        {
            "es" => $"\nPlazo: {date} (al final del día, UTC).",
            "fr" => $"\nDate limite : {date} (fin de journée, UTC).",
            _ => $"\nDeadline: {date} (end of the day, UTC).",
        };
    }

    /// <summary>Every language a recipient reads needs a subject and a body.</summary>
    private static string? CheckTexts(IReadOnlyDictionary<string, CallText> texts, IReadOnlyList<CallRecipient> recipients)
    {
        foreach (var group in recipients.GroupBy(r => r.Language).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var name = group.Key switch { "es" => "Spanish", "fr" => "French", _ => "English" };
            if (!texts.TryGetValue(group.Key, out var text) || string.IsNullOrWhiteSpace(text.Subject) || string.IsNullOrWhiteSpace(text.Markdown))
            {
                return $"The {name} subject or message is empty, and {group.Count()} contact(s) read {name}: write it, or narrow the filters.";
            }

            if (text.Subject.Trim().Length > MaxSubjectLength || text.Markdown.Length > MaxBodyLength)
            {
                return $"The {name} subject is longer than {MaxSubjectLength} characters or the message longer than {MaxBodyLength}.";
            }
        }

        return null;
    }

    private static async Task<CallAudience> AudienceAsync(StudyDbContext db, Edition edition, CallFilter filter, CancellationToken cancellationToken)
    {
        var cities = await db.Cities.AsNoTracking().ToListAsync(cancellationToken);
        var own = await db.CityPopulations.AsNoTracking().Where(p => p.EditionId == edition.Id).ToDictionaryAsync(p => p.CityId, p => p.Population, cancellationToken);
        var lastKnown = await LastKnownPopulations.BeforeAsync(db, edition, cancellationToken);
        HashSet<int>? tookPart = null;
        if (!string.IsNullOrWhiteSpace(filter.PastEdition))
        {
            tookPart = [.. await db.Responses.AsNoTracking()
                .Where(r => db.Editions.Any(e => e.Id == r.EditionId && e.Code == filter.PastEdition)
                    && (r.Status == ResponseStatus.Submitted || r.Status == ResponseStatus.Approved))
                .Select(r => r.CityId)
                .ToListAsync(cancellationToken)];
        }

        var matching = cities.Where(c =>
                (filter.Region is null || c.Region == filter.Region)
                && (filter.UclgMember is null || c.UclgMember == filter.UclgMember)
                && (filter.Band is null || Band(c.Id) == filter.Band)
                && (tookPart is null || tookPart.Contains(c.Id) == filter.TookPart))
            .ToDictionary(c => c.Id);
        var ids = matching.Keys.ToList();
        var contacts = await db.CityContacts.AsNoTracking().Where(c => ids.Contains(c.CityId)).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var recipients = contacts
            .Select(c => new CallRecipient(c.CityId, matching[c.CityId].Name, matching[c.CityId].Country, c.Name, c.Email, c.Language))
            .OrderBy(r => r.City, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.Email, StringComparer.Ordinal)
            .ToList();
        var withContacts = contacts.Select(c => c.CityId).ToHashSet();
        var without = matching.Values.Where(c => !withContacts.Contains(c.Id)).Select(c => $"{c.Name}, {c.Country}").Order(StringComparer.CurrentCultureIgnoreCase).ToList();
        return new CallAudience(recipients, matching.Count, without);

        PopulationBand? Band(int cityId) =>
            own.TryGetValue(cityId, out var population) ? PopulationBands.For(population)
            : lastKnown.TryGetValue(cityId, out var known) ? PopulationBands.For(known.Population)
            : null;
    }

    private static string Describe(CallFilter filter)
    {
        var parts = new List<string>();
        if (filter.Region is { } region)
        {
            parts.Add("region " + region);
        }

        if (filter.Band is { } band)
        {
            parts.Add("band " + band.Code());
        }

        if (filter.UclgMember is { } member)
        {
            parts.Add(member ? "UCLG members" : "not UCLG members");
        }

        if (!string.IsNullOrWhiteSpace(filter.PastEdition))
        {
            parts.Add((filter.TookPart ? "took part in " : "did not take part in ") + filter.PastEdition);
        }

        return parts.Count == 0 ? "all cities" : string.Join(", ", parts);
    }
}
