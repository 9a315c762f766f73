using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Infrastructure.Tests.Persistence;

public sealed class StorageTests
{
    [Fact]
    public async Task Accented_names_round_trip_and_slugs_are_unique()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            db.Cities.Add(new City("São Paulo", "Brazil", Region.America));
            db.Cities.Add(new City("Liège", "Belgium", Region.Europe));
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var names = await db.Cities.OrderBy(c => c.Slug).Select(c => c.Name).ToListAsync(ct);
            Assert.Equal(["Liège", "São Paulo"], names);
            db.Cities.Add(new City("Liége", "France", Region.Europe));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
        }
    }

    [Fact]
    public async Task Responses_are_one_per_city_per_edition_and_timestamps_sort_in_utc()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var city = new City("Bilbao", "Spain", Region.Europe);
        db.Cities.Add(city);
        await db.SaveChangesAsync(ct);
        var edition = await db.Editions.SingleAsync(e => e.Code == "2017", ct);
        var early = new DateTimeOffset(2017, 3, 1, 8, 0, 0, TimeSpan.Zero);
        db.Responses.Add(new Response(edition.Id, city.Id, 1, early.AddHours(5)));
        await db.SaveChangesAsync(ct);

        var later = await db.Responses.Where(r => r.LastActivityAt > early).CountAsync(ct);
        Assert.Equal(1, later);

        await using var other = database.CreateContext();
        other.Responses.Add(new Response(edition.Id, city.Id, 1, early));
        await Assert.ThrowsAsync<DbUpdateException>(() => other.SaveChangesAsync(ct));
    }
}
