using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Common;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Participation;
using SmartCitiesStudy.Domain.People;
using SmartCitiesStudy.Infrastructure.People;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Infrastructure.Participation;

/// <summary>What the public form sends.</summary>
public sealed record TakePartInput(string City, string Country, string ContactName, string Email, string Language, string? Message);

/// <summary>The answer to the asker: stored, or the field at fault (city, country, name, email, language, message) and why.</summary>
public sealed record TakePartResult(bool Succeeded, string? Field = null, string? Error = null, bool NotOpen = false);

/// <summary>A request as the secretariat's list shows it.</summary>
public sealed record ParticipationRequestRow(
    int Id, string City, string Country, string ContactName, string Email, string Language, string? Message,
    DateTimeOffset CreatedAt, ParticipationRequestStatus Status, DateTimeOffset? DecidedAt, string? DeclineReason, bool InRegistry);

/// <summary>
/// Cities not in the registry asking to take part in an open edition: the public request (the asker gets an e-mail
/// in their language saying it was received), and the secretariat's answer — accept (the city is added with the asker
/// as its contact and invited as its officer) or decline (the asker is told, with the secretariat's reason). Audited.
/// </summary>
public sealed class ParticipationRequests(IDbContextFactory<StudyDbContext> dbFactory, IEmailOutbox outbox, PeopleOptions options, TimeProvider clock)
{
    public async Task<TakePartResult> AskAsync(string editionCode, TakePartInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var edition = await db.Editions.AsNoTracking().SingleOrDefaultAsync(e => e.Code == editionCode, cancellationToken);
        if (edition is not { Status: EditionStatus.Open })
        {
            return new TakePartResult(false, Error: $"Edition '{editionCode}' is not open for participation.", NotOpen: true);
        }

        ParticipationRequest request;
        try
        {
            request = new ParticipationRequest(edition.Id, input.City, input.Country, input.ContactName, input.Email, input.Language, input.Message, clock.GetUtcNow());
        }
        catch (DomainRuleException ex)
        {
            return new TakePartResult(false, ex.Code[(ex.Code.IndexOf('.', StringComparison.Ordinal) + 1)..], ex.Message);
        }

        // Asking twice (a double click, a second try) stores one request and answers the same.
        var already = await db.ParticipationRequests.AnyAsync(
            r => r.EditionId == edition.Id && r.Email == request.Email && r.Status == ParticipationRequestStatus.Pending, cancellationToken);
        if (!already)
        {
            db.ParticipationRequests.Add(request);
            outbox.Enqueue(db, ParticipationEmails.Received(request, edition));
            await db.SaveChangesAsync(cancellationToken);
            db.Record(request.CreatedAt, null, AuditActions.ParticipationRequested, "participation_request", Id(request.Id), editionId: edition.Id,
                after: $"{request.CityName}, {request.Country}: {request.ContactName} <{request.Email}> {request.Language}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new TakePartResult(true);
    }

    public async Task<IReadOnlyList<ParticipationRequestRow>?> ListAsync(string editionCode, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var editionId = await db.Editions.Where(e => e.Code == editionCode).Select(e => (int?)e.Id).SingleOrDefaultAsync(cancellationToken);
        if (editionId is null)
        {
            return null;
        }

        var requests = await db.ParticipationRequests.AsNoTracking().Where(r => r.EditionId == editionId).ToListAsync(cancellationToken);
        var keys = (await db.Cities.AsNoTracking().Select(c => new { c.Name, c.Country }).ToListAsync(cancellationToken))
            .Select(c => Key(c.Name, c.Country)).ToHashSet(StringComparer.Ordinal);
        return [.. requests
            .OrderBy(r => r.Status != ParticipationRequestStatus.Pending).ThenByDescending(r => r.CreatedAt)
            .Select(r => new ParticipationRequestRow(r.Id, r.CityName, r.Country, r.ContactName, r.Email, r.Language, r.Message, r.CreatedAt, r.Status, r.DecidedAt, r.DeclineReason, keys.Contains(Key(r.CityName, r.Country))))];
    }

    /// <summary>
    /// Adds the city to the registry (or uses the one of the same name and country), with the asker as its contact,
    /// and invites the asker as its officer.
    /// </summary>
    /// <param name="acceptUrl">The absolute address of the invitation page; the token is added as <c>?token=</c>.</param>
    public async Task<OperationResult> AcceptAsync(int requestId, Region region, string acceptUrl, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return OperationResult.Refused("Only the secretariat can answer requests to take part.", "forbidden");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.ParticipationRequests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return OperationResult.Refused("The request does not exist.", "request.not_found");
        }

        if (request.Status != ParticipationRequestStatus.Pending)
        {
            return OperationResult.Refused($"The request of {request.CityName}, {request.Country} was already {request.Status.ToString().ToLowerInvariant()}.", "request.decided");
        }

        var now = clock.GetUtcNow();
        var normalizedEmail = request.Email.ToUpperInvariant();
        var account = await db.Users.AsNoTracking().AnyAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken);
        if (account)
        {
            return OperationResult.Refused($"{request.Email} already has an account; give it this city from People instead.", "person.exists");
        }

        var cities = await db.Cities.ToListAsync(cancellationToken);
        var city = cities.FirstOrDefault(c => Key(c.Name, c.Country) == Key(request.CityName, request.Country));
        var created = city is null;
        try
        {
            if (city is null)
            {
                var slug = City.Slugify(request.CityName);
                if (cities.Any(c => c.Slug == slug))
                {
                    slug = City.Slugify(request.CityName + " " + request.Country);
                }

                city = new City(request.CityName, request.Country, region, slug);
                db.Cities.Add(city);
            }
        }
        catch (DomainRuleException ex)
        {
            return OperationResult.Refused(ex.Message, ex.Code);
        }

        var edition = await db.Editions.AsNoTracking().SingleAsync(e => e.Id == request.EditionId, cancellationToken);
        foreach (var previous in await db.Invitations.Where(i => i.Email == request.Email && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(cancellationToken))
        {
            previous.Revoke(now);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // the new city gets its id
        request.Accept(city.Id, user.UserId, now);
        if (!await db.CityContacts.AnyAsync(c => c.CityId == city.Id && c.Email == request.Email, cancellationToken))
        {
            db.CityContacts.Add(new CityContact(city.Id, request.ContactName, request.Email, request.Language, null));
        }

        var (token, hash) = InvitationToken.Create();
        var invitation = new Invitation(request.Email, StudyRoles.CityOfficer, city.Id, hash, now, options.InvitationValidFor, user.UserId);
        db.Invitations.Add(invitation);
        var link = acceptUrl + (acceptUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "token=" + token;
        outbox.Enqueue(db, ParticipationEmails.Accepted(request, edition, link, invitation.ExpiresAt));
        await db.SaveChangesAsync(cancellationToken);
        if (created)
        {
            db.Record(now, user, AuditActions.CityCreated, "city", Id(city.Id), after: $"{city.Name}, {city.Country} ({city.Region}) [{city.Slug}]", reason: "request to take part accepted");
        }

        db.Record(now, user, AuditActions.PersonInvited, "invitation", Id(invitation.Id), after: $"{request.Email}: {RoleText.Describe(StudyRoles.CityOfficer, city.Name)}", reason: "request to take part accepted");
        db.Record(now, user, AuditActions.ParticipationAccepted, "participation_request", Id(request.Id), editionId: edition.Id, after: $"{city.Name}, {city.Country}: {request.Email} invited");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OperationResult.Done;
    }

    /// <summary>Declines the request; the asker gets an e-mail in their language, with the reason if one is given.</summary>
    public async Task<OperationResult> DeclineAsync(int requestId, string? reason, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return OperationResult.Refused("Only the secretariat can answer requests to take part.", "forbidden");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.ParticipationRequests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return OperationResult.Refused("The request does not exist.", "request.not_found");
        }

        var now = clock.GetUtcNow();
        try
        {
            request.Decline(reason, user.UserId, now);
        }
        catch (DomainRuleException ex)
        {
            return OperationResult.Refused(ex.Message, ex.Code);
        }

        var edition = await db.Editions.AsNoTracking().SingleAsync(e => e.Id == request.EditionId, cancellationToken);
        outbox.Enqueue(db, ParticipationEmails.Declined(request, edition));
        db.Record(now, user, AuditActions.ParticipationDeclined, "participation_request", Id(request.Id), editionId: edition.Id,
            after: $"{request.CityName}, {request.Country}: declined", reason: request.DeclineReason);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Done;
    }

    private static string Key(string name, string country) => name.Trim().ToUpperInvariant() + "\u0001" + country.Trim().ToUpperInvariant();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
