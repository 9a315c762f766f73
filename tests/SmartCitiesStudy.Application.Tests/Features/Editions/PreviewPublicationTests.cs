using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Editions;

public sealed class PreviewPublicationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly StudyUser Secretariat = new("sec", "Sara", null, new HashSet<string> { StudyRoles.Secretariat });

    [Fact]
    public async Task Before_publishing_the_secretariat_is_told_which_responses_the_figures_leave_out()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            var edition = new Edition("2030", "Smart Cities Study 2030", "FUTURE", 2030);
            db.Editions.Add(edition);
            var cities = new[] { "Bilbao", "Porto", "Lyon", "Quito" }.Select(n => new City(n, "Somewhere", Region.Europe)).ToArray();
            db.Cities.AddRange(cities);
            await db.SaveChangesAsync(ct);

            var approved = new Response(edition.Id, cities[0].Id, 1, Now);
            approved.Submit(Now);
            approved.Approve(Now);
            var submitted = new Response(edition.Id, cities[1].Id, 1, Now);
            submitted.Submit(Now);
            var returned = new Response(edition.Id, cities[2].Id, 1, Now);
            returned.Submit(Now);
            returned.ReturnToCity(Now);
            db.Responses.AddRange(approved, submitted, returned, new Response(edition.Id, cities[3].Id, 1, Now));
            await db.SaveChangesAsync(ct);
        }

        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var preview = await services.GetRequiredService<PreviewPublication>().ExecuteAsync("2030", Secretariat, ct);

        Assert.NotNull(preview);
        Assert.Equal(1, preview.Approved);
        Assert.Equal([new LeftOutResponse("Porto", ResponseStatus.Submitted)], preview.WaitingForReview);
        Assert.Equal(["Porto", "Lyon", "Quito"], preview.LeftOut.Select(r => r.CityName));
    }
}
