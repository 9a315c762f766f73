using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Cities;

public sealed class SaveCityTests
{
    [Fact]
    public async Task The_secretariat_adds_edits_and_sets_populations_with_an_audit_trail()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var save = services.GetRequiredService<SaveCity>();
        var list = services.GetRequiredService<ListCities>();
        var population = services.GetRequiredService<SetPopulation>();

        Assert.True((await save.ExecuteAsync(new CityInput(null, "Liège", "Belgium", Region.Europe, null), CityUser.Secretariat, ct)).Succeeded);
        var liege = Assert.Single(await list.ExecuteAsync(new CityQuery("liege"), ct));
        Assert.Equal("liege", liege.Slug);

        Assert.True((await save.ExecuteAsync(new CityInput(liege.Id, "Liège", "Belgium", Region.Europe, "liege-be", liege.Version), CityUser.Secretariat, ct)).Succeeded);
        Assert.True((await population.ExecuteAsync(liege.Id, "2017", 197_300, CityUser.Secretariat, ct)).Succeeded);

        var withBand = Assert.Single(await list.ExecuteAsync(new CityQuery(EditionCode: "2017", Band: PopulationBand.From100KTo1M), ct));
        Assert.Equal("liege-be", withBand.Slug);
        Assert.Equal(197_300, withBand.Population);
        Assert.Empty(await list.ExecuteAsync(new CityQuery(EditionCode: "2017", Band: PopulationBand.Over1M), ct));
        Assert.Empty(await list.ExecuteAsync(new CityQuery(Region: Region.Asia), ct));

        Assert.True((await population.ExecuteAsync(liege.Id, "2017", null, CityUser.Secretariat, ct)).Succeeded);
        Assert.Null(Assert.Single(await list.ExecuteAsync(new CityQuery(EditionCode: "2017"), ct)).Population);

        await using var db = database.CreateContext();
        var trail = await db.AuditEntries.Where(a => a.EntityType == "city").OrderBy(a => a.Id).ToListAsync(ct);
        Assert.Equal([AuditActions.CityCreated, AuditActions.CityChanged, AuditActions.CityChanged, AuditActions.CityChanged], trail.Select(a => a.Action));
        Assert.Equal("Liège, Belgium (Europe) [liege]", trail[1].Before);
        Assert.Equal("Liège, Belgium (Europe) [liege-be]", trail[1].After);
        Assert.Equal("population 2017: none", trail[2].Before);
        Assert.Equal("population 2017: 197300", trail[3].Before);
    }

    [Fact]
    public async Task A_stale_edit_a_clash_or_a_bad_value_is_refused_clearly_and_reviewers_cannot_edit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var save = services.GetRequiredService<SaveCity>();
        var list = services.GetRequiredService<ListCities>();
        await save.ExecuteAsync(new CityInput(null, "Bilbao", "Spain", Region.Europe, null), CityUser.Secretariat, ct);
        await save.ExecuteAsync(new CityInput(null, "Porto", "Portugal", Region.Europe, null), CityUser.Secretariat, ct);
        var bilbao = (await list.ExecuteAsync(new CityQuery("bilbao"), ct)).Single();

        Assert.True((await save.ExecuteAsync(new CityInput(bilbao.Id, "Bilbo", "Spain", Region.Europe, null, bilbao.Version), CityUser.Secretariat, ct)).Succeeded);
        var stale = await save.ExecuteAsync(new CityInput(bilbao.Id, "Bilbao", "Spain", Region.Europe, null, bilbao.Version), CityUser.Secretariat, ct);
        Assert.Equal(SaveCity.ConcurrencyCode, stale.ErrorCode);
        Assert.Contains("changed by someone else", stale.Error, StringComparison.Ordinal);

        var clash = await save.ExecuteAsync(new CityInput(null, "Porto Again", "Portugal", Region.Europe, "porto"), CityUser.Secretariat, ct);
        Assert.Equal("city.slug_taken", clash.ErrorCode);
        var duplicate = await save.ExecuteAsync(new CityInput(null, "Porto", "Portugal", Region.Europe, "porto-2"), CityUser.Secretariat, ct);
        Assert.Equal("city.exists", duplicate.ErrorCode);
        var empty = await save.ExecuteAsync(new CityInput(null, " ", "Portugal", Region.Europe, null), CityUser.Secretariat, ct);
        Assert.Equal("city.name", empty.ErrorCode);
        var reviewer = await save.ExecuteAsync(new CityInput(null, "Braga", "Portugal", Region.Europe, null), CityUser.Reviewer, ct);
        Assert.Equal("forbidden", reviewer.ErrorCode);
        Assert.Equal(2, (await list.ExecuteAsync(new CityQuery(), ct)).Count);
    }
}
