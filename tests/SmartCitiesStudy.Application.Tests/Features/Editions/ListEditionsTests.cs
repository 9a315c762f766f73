using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Editions;

public sealed class ListEditionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Readers_see_only_published_editions_newest_first_with_their_approved_city_count()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            var draft = new Edition("2026", "Smart Cities Study 2026", "ECONOMY", 2026);
            db.Editions.Add(draft);
            var bilbao = new City("Bilbao", "Spain", Region.Europe);
            var porto = new City("Porto", "Portugal", Region.Europe);
            db.Cities.AddRange(bilbao, porto);
            await db.SaveChangesAsync(ct);

            var edition2017 = await db.Editions.SingleAsync(e => e.Code == "2017", ct);
            var approved = new Response(edition2017.Id, bilbao.Id, 1, Now);
            approved.Submit(Now);
            approved.Approve(Now);
            var submitted = new Response(edition2017.Id, porto.Id, 1, Now);
            submitted.Submit(Now);
            db.Responses.AddRange(approved, submitted);
            await db.SaveChangesAsync(ct);
        }

        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var list = services.GetRequiredService<ListEditions>();

        var published = await list.ExecuteAsync(publishedOnly: true, ct);
        Assert.Equal(["2019", "2017", "2012"], published.Select(e => e.Code));
        Assert.Equal(1, published.Single(e => e.Code == "2017").ApprovedResponses);

        var all = await list.ExecuteAsync(publishedOnly: false, ct);
        Assert.Equal("2026", all[0].Code);
        Assert.Equal(EditionStatus.Draft, all[0].Status);
    }
}
