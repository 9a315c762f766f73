using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Common;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Infrastructure.Tests.Persistence;

/// <summary>No stored event may be later than the clock: a response "submitted" next month is refused, whole.</summary>
public sealed class EventTimeTests
{
    private static readonly DateTimeOffset Today = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_response_dated_after_now_is_refused_and_nothing_of_the_save_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddSingleton<TimeProvider>(new StandingClock(Today)));
        var contexts = services.GetRequiredService<IDbContextFactory<StudyDbContext>>();

        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var city = new City("Porto", "Portugal", Region.Europe);
            db.Cities.Add(city);
            await db.SaveChangesAsync(ct);
            var edition = await db.Editions.SingleAsync(e => e.Code == "2017", ct);
            var response = new Response(edition.Id, city.Id, 1, Today.AddDays(-3));
            db.Responses.Add(response);
            response.Submit(Today.AddDays(30));
            db.Cities.Add(new City("Lyon", "France", Region.Europe));

            var refused = await Assert.ThrowsAsync<DomainRuleException>(() => db.SaveChangesAsync(ct));
            Assert.Equal("time.future", refused.Code);
            Assert.Contains("Response.SubmittedAt", refused.Message, StringComparison.Ordinal);
            Assert.Contains("2027-01-02", refused.Message, StringComparison.Ordinal);
        }

        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            Assert.False(await db.Responses.AnyAsync(ct));
            Assert.False(await db.Cities.AnyAsync(c => c.Name == "Lyon", ct));
        }
    }

    [Fact]
    public async Task Events_up_to_now_are_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddSingleton<TimeProvider>(new StandingClock(Today)));
        var contexts = services.GetRequiredService<IDbContextFactory<StudyDbContext>>();

        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var city = new City("Porto", "Portugal", Region.Europe);
            db.Cities.Add(city);
            await db.SaveChangesAsync(ct);
            var edition = await db.Editions.SingleAsync(e => e.Code == "2017", ct);
            var response = new Response(edition.Id, city.Id, 1, Today.AddDays(-3));
            response.Submit(Today.AddSeconds(30)); // within the tolerance for clocks of instances sharing a database
            db.Responses.Add(response);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var response = await db.Responses.SingleAsync(ct);
            Assert.Equal(ResponseStatus.Submitted, response.Status);
        }
    }

    private sealed class StandingClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
