using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Application.Features.Cities;

/// <summary>A city's membership and contacts for the secretariat's dialog.</summary>
public sealed record CityContactsView(int CityId, string CityName, bool UclgMember, string? RegionalSection, IReadOnlyList<ContactInput> Contacts, int Version);

/// <summary>
/// Reads and changes a city's UCLG membership, regional section and focal points. Contacts are personal data: only
/// the secretariat reads or changes them. A change is audited with the before and after.
/// </summary>
public sealed class CityContacts(IStudyDbContextFactory dbFactory, TimeProvider clock)
{
    public async Task<CityContactsView?> LoadAsync(int cityId, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return null;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var city = await db.Cities.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cityId, cancellationToken);
        if (city is null)
        {
            return null;
        }

        var contacts = await db.CityContacts.AsNoTracking().Where(c => c.CityId == cityId).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return new CityContactsView(city.Id, city.Name, city.UclgMember, city.RegionalSection, [.. contacts.Select(CityContactsText.Of)], city.Version);
    }

    /// <summary>Replaces the city's membership and contacts; refused as a whole, naming each contact and field at fault.</summary>
    public async Task<OperationResult> SaveAsync(CityContactsInput input, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return OperationResult.Refused("Only the secretariat can change a city's contacts.", "forbidden");
        }

        var problems = new List<string>();
        var contacts = CityContactsText.Check(input.Contacts, (n, field, message) => problems.Add($"Contact {n}, {field}: {message}"));
        if (problems.Count > 0)
        {
            return OperationResult.Refused(string.Join(" ", problems), "contact.invalid");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var city = await db.Cities.SingleOrDefaultAsync(c => c.Id == input.CityId, cancellationToken);
        if (city is null)
        {
            return OperationResult.Refused($"There is no city with id {input.CityId}.", "city.not_found");
        }

        if (city.Version != input.ExpectedVersion)
        {
            return Stale(city.Name);
        }

        var existing = await db.CityContacts.Where(c => c.CityId == city.Id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var before = CityContactsText.Describe(city.UclgMember, city.RegionalSection, existing.Select(CityContactsText.Of));
        try
        {
            city.SetMembership(input.UclgMember, input.RegionalSection);
        }
        catch (DomainRuleException ex)
        {
            return OperationResult.Refused(ex.Message, ex.Code);
        }

        var after = CityContactsText.Describe(city.UclgMember, city.RegionalSection, contacts);
        if (before == after)
        {
            return OperationResult.Done;
        }

        Replace(db, city, existing, contacts);
        city.Version++; // the dialog's version check covers contacts too
        db.Record(clock.GetUtcNow(), user, AuditActions.CityContactsChanged, "city", city.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), before: before, after: after);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return OperationResult.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale(city.Name);
        }
    }

    /// <summary>Makes the stored contacts of a tracked city the given ones (keeping rows whose e-mail stays).</summary>
    internal static void Replace(IStudyDbContext db, City city, List<CityContact> existing, IReadOnlyList<ContactInput> contacts)
    {
        db.CityContacts.RemoveRange(existing);
        foreach (var contact in contacts)
        {
            db.CityContacts.Add(new CityContact(city.Id, contact.Name, contact.Email, contact.Language, contact.Role));
        }
    }

    private static OperationResult Stale(string name) =>
        OperationResult.Refused($"{name} was changed by someone else meanwhile; reopen it to see the current values.", SaveCity.ConcurrencyCode);
}
