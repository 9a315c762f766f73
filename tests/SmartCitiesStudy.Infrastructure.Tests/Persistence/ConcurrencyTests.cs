using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Infrastructure.Tests.Persistence;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Two_people_saving_the_same_edition_from_the_same_version_the_second_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var a = await first.Editions.SingleAsync(e => e.Code == "2017", ct);
        var b = await second.Editions.SingleAsync(e => e.Code == "2017", ct);

        a.SetDeadline(new DateOnly(2026, 12, 1));
        await first.SaveChangesAsync(ct);
        Assert.Equal(b.Version + 1, a.Version);

        b.Rename("A different title", "ECONOMY");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(ct));

        await using var check = database.CreateContext();
        var stored = await check.Editions.SingleAsync(e => e.Code == "2017", ct);
        Assert.Equal("Smart Cities Study 2017", stored.Title);
        Assert.Equal(new DateOnly(2026, 12, 1), stored.Deadline);
    }

    [Fact]
    public async Task City_edits_are_versioned_too()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using (var setup = database.CreateContext())
        {
            setup.Cities.Add(new City("Liège", "Belgium", Region.Europe));
            await setup.SaveChangesAsync(ct);
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var a = await first.Cities.SingleAsync(c => c.Slug == "liege", ct);
        var b = await second.Cities.SingleAsync(c => c.Slug == "liege", ct);
        a.Update("Liège", "Belgium", Region.Europe, "liege-city");
        await first.SaveChangesAsync(ct);
        b.Update("Liege", "Belgium", Region.Europe);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(ct));
    }
}
