using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Application.Features.Dashboard;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Cities;

/// <summary>
/// A new edition has no populations of its own: the dashboard shows each city's last known band with its year (not
/// "unknown"), and the secretariat confirms them for the edition, audited; a published edition's are frozen.
/// </summary>
public sealed class CarriedPopulationsTests
{
    private static readonly StudyUser Secretariat = new("sec", "Sara", null, new HashSet<string> { StudyRoles.Secretariat });
    private static readonly StudyUser Reviewer = new("rev", "Rui", null, new HashSet<string> { StudyRoles.Reviewer });

    [Fact]
    public async Task The_last_known_band_shows_with_its_year_until_the_secretariat_confirms_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        await using (var db = database.CreateContext())
        {
            var e2012 = await db.Editions.SingleAsync(e => e.Code == "2012", ct);
            var e2017 = await db.Editions.SingleAsync(e => e.Code == "2017", ct);
            db.Editions.Add(new Edition("2030", "Smart Cities Study 2030", "ECONOMY", 2030));
            var bilbao = new City("Bilbao", "Spain", Region.Europe);
            var lyon = new City("Lyon", "France", Region.Europe);
            var quito = new City("Quito", "Ecuador", Region.America);
            db.Cities.AddRange(bilbao, lyon, quito);
            await db.SaveChangesAsync(ct);
            db.CityPopulations.AddRange(
                new CityPopulation(bilbao.Id, e2012.Id, 40_000),
                new CityPopulation(bilbao.Id, e2017.Id, 345_100),
                new CityPopulation(lyon.Id, e2012.Id, 1_200_000));
            await db.SaveChangesAsync(ct);
        }

        var load = services.GetRequiredService<LoadEditionDashboard>();
        var dashboard = (await load.ExecuteAsync("2030", new DashboardFilter(), Reviewer, ct)).Dashboard!;
        Assert.Equal(
            [("Bilbao", (PopulationBand?)PopulationBand.From100KTo1M, (int?)2017), ("Lyon", PopulationBand.Over1M, 2012), ("Quito", null, null)],
            dashboard.Rows.Select(r => (r.City, r.Band, r.BandYear)));
        Assert.Equal(2, dashboard.CarriedBands);
        Assert.Equal(1, dashboard.ByBand.Single(c => c.Group == "unknown").Cities);

        var confirm = services.GetRequiredService<ConfirmCarriedPopulations>();
        Assert.Equal("forbidden", (await confirm.ExecuteAsync("2030", Reviewer, ct)).ErrorCode);
        var published = await confirm.ExecuteAsync("2017", Secretariat, ct);
        Assert.Equal("edition.published", published.ErrorCode);
        Assert.Contains("Unpublish", published.Error, StringComparison.Ordinal);

        Assert.True((await confirm.ExecuteAsync("2030", Secretariat, ct)).Succeeded);
        dashboard = (await load.ExecuteAsync("2030", new DashboardFilter(), Reviewer, ct)).Dashboard!;
        Assert.Equal(0, dashboard.CarriedBands);
        Assert.All(dashboard.Rows, r => Assert.Null(r.BandYear));
        Assert.Equal(PopulationBand.From100KTo1M, dashboard.Rows[0].Band);

        await using (var db = database.CreateContext())
        {
            var e2030 = await db.Editions.SingleAsync(e => e.Code == "2030", ct);
            Assert.Equal([345_100L, 1_200_000L], await db.CityPopulations.Where(p => p.EditionId == e2030.Id).OrderBy(p => p.Population).Select(p => p.Population).ToListAsync(ct));
            var reasons = await db.AuditEntries.Where(a => a.EditionId == e2030.Id && a.Action == AuditActions.CityChanged).Select(a => a.Reason).ToListAsync(ct);
            Assert.Equal(2, reasons.Count);
            Assert.Contains(reasons, r => r!.Contains("edition 2017", StringComparison.Ordinal));
        }

        Assert.True((await confirm.ExecuteAsync("2030", Secretariat, ct)).Succeeded); // nothing left to confirm: a no-op
    }
}
