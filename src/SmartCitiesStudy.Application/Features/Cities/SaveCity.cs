using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Application.Features.Cities;

/// <summary>Adds a city to the registry or changes one; audited with the city before and after.</summary>
public sealed class SaveCity(IStudyDbContextFactory dbFactory, TimeProvider clock)
{
    public const string ConcurrencyCode = "city.changed_by_someone_else";

    public async Task<OperationResult> ExecuteAsync(CityInput input, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return OperationResult.Refused("Only the secretariat can add or change cities.", "forbidden");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        City city;
        string? before = null;
        try
        {
            if (input.Id is { } id)
            {
                var found = await db.Cities.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
                if (found is null)
                {
                    return OperationResult.Refused($"There is no city with id {id}.", "city.not_found");
                }

                if (found.Version != input.ExpectedVersion)
                {
                    return Stale(found.Name);
                }

                city = found;
                before = CityText.Describe(city);
                city.Update(input.Name, input.Country, input.Region, input.Slug);
            }
            else
            {
                city = new City(input.Name, input.Country, input.Region, input.Slug);
                db.Cities.Add(city);
            }
        }
        catch (DomainRuleException ex)
        {
            return OperationResult.Refused(ex.Message, ex.Code);
        }

        var clash = await db.Cities.AsNoTracking()
            .Where(c => c.Id != city.Id && (c.Slug == city.Slug || (c.Name == city.Name && c.Country == city.Country)))
            .Select(c => new { c.Name, c.Country, c.Slug })
            .FirstOrDefaultAsync(cancellationToken);
        if (clash is not null)
        {
            return clash.Slug == city.Slug
                ? OperationResult.Refused($"The slug '{city.Slug}' is already used by {clash.Name}, {clash.Country}. Choose another slug.", "city.slug_taken")
                : OperationResult.Refused($"{city.Name}, {city.Country} is already in the registry.", "city.exists");
        }

        var after = CityText.Describe(city);
        if (before == after)
        {
            return OperationResult.Done;
        }

        try
        {
            // A new city gets its id from the first save; the audit entry follows in the same transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.Record(clock.GetUtcNow(), user, before is null ? AuditActions.CityCreated : AuditActions.CityChanged, "city", city.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), before: before, after: after);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return OperationResult.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale(city.Name);
        }
    }

    private static OperationResult Stale(string name) =>
        OperationResult.Refused($"{name} was changed by someone else meanwhile; reopen it to see the current values.", ConcurrencyCode);
}
