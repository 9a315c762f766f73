using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Infrastructure.Identity;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Infrastructure.Tests.Seeding;

public sealed class DemoDataSeederTests
{
    [Fact]
    public async Task Demo_data_has_the_2017_cities_in_their_published_bands_an_open_edition_and_accounts_and_is_idempotent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices();
        await using (var scope = services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(ct) > 40);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(ct));
        }

        await using var db = database.CreateContext();
        Assert.Equal(DemoCities.Study2017.Count + DemoEditionCities.Others.Count, await db.Cities.CountAsync(ct));
        var edition2017 = await db.Editions.SingleAsync(e => e.Code == "2017", ct);
        var bands = (await db.CityPopulations.Where(p => p.EditionId == edition2017.Id).ToListAsync(ct))
            .GroupBy(p => p.Band).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, bands[PopulationBand.Under50K]);
        Assert.Equal(2, bands[PopulationBand.From50KTo100K]);
        Assert.Equal(9, bands[PopulationBand.From100KTo1M]);
        Assert.Equal(7, bands[PopulationBand.Over1M]);

        var next = await db.Editions.SingleAsync(e => e.Code == DemoDataSeeder.NextEditionCode, ct);
        Assert.Equal(EditionStatus.Open, next.Status);
        Assert.NotNull(next.Deadline);

        await using var scope2 = services.CreateAsyncScope();
        var users = scope2.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var bilbao = await db.Cities.SingleAsync(c => c.Slug == "bilbao", ct);
        var officers = await users.GetUsersInRoleAsync(StudyRoles.CityOfficer);
        Assert.Equal(3, officers.Count);
        Assert.Equal(2, officers.Count(o => o.CityId == bilbao.Id));
        Assert.Single(await users.GetUsersInRoleAsync(StudyRoles.Secretariat));
        Assert.Single(await users.GetUsersInRoleAsync(StudyRoles.Reviewer));
    }

    [Fact]
    public async Task Demo_responses_and_answers_are_never_dated_after_today()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(ct);
        }

        var now = DateTimeOffset.UtcNow.AddMinutes(1);
        await using var db = database.CreateContext();
        var responses = await db.Responses.AsNoTracking().ToListAsync(ct);
        Assert.NotEmpty(responses);
        var future = responses
            .SelectMany(r => typeof(SmartCitiesStudy.Domain.Responses.Response).GetProperties()
                .Where(p => p.PropertyType == typeof(DateTimeOffset) || p.PropertyType == typeof(DateTimeOffset?))
                .Select(p => (p.Name, At: (DateTimeOffset?)p.GetValue(r))))
            .Where(x => x.At > now)
            .ToList();
        Assert.Empty(future);
        Assert.DoesNotContain(await db.Answers.Select(a => a.UpdatedAt).ToListAsync(ct), at => at > now);
    }

    [Fact]
    public async Task Seeding_demo_data_before_migrating_says_what_to_do()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            db.Editions.RemoveRange(db.Editions);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(TestContext.Current.CancellationToken));
        Assert.Contains("db migrate", ex.Message, StringComparison.Ordinal);
    }
}
