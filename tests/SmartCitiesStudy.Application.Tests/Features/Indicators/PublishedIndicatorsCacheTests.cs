using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Indicators;

public sealed class PublishedIndicatorsCacheTests
{
    [Fact]
    public async Task A_published_edition_s_figures_are_kept_until_the_edition_changes_then_recomputed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(ct);
        }

        var compute = services.GetRequiredService<ComputeIndicators>();
        var before = await compute.ExecuteAsync("2017", ct);
        Assert.Equal(20, before!.Respondents);
        Assert.Same(before, await compute.ExecuteAsync("2017", ct)); // kept, not recomputed

        // Reopen 2017 (a new edition version), return one city's response, publish again: new figures at once.
        var change = services.GetRequiredService<ChangeEditionStatus>();
        Assert.True((await change.ExecuteAsync("2017", EditionAction.Reopen, await VersionAsync(database, ct), StudyUser.System, "Correct a figure", ct)).Succeeded);
        await using (var db = database.CreateContext())
        {
            var edition = await db.Editions.SingleAsync(e => e.Code == "2017", ct);
            var response = await db.Responses.FirstAsync(r => r.EditionId == edition.Id && r.Status == ResponseStatus.Approved, ct);
            response.ReturnToCity(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(ct);
        }

        Assert.Equal(19, (await compute.ExecuteAsync("2017", ct))!.Respondents); // closed: never kept
        Assert.True((await change.ExecuteAsync("2017", EditionAction.Publish, await VersionAsync(database, ct), StudyUser.System, cancellationToken: ct)).Succeeded);
        IndicatorDocument? after = await compute.ExecuteAsync("2017", ct);
        Assert.Equal(19, after!.Respondents);
    }

    private static async Task<int> VersionAsync(TestDatabase database, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        return (await db.Editions.SingleAsync(e => e.Code == "2017", ct)).Version;
    }
}
