using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Dashboard;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Dashboard;

/// <summary>The dashboard's chart of responses by status over time, rebuilt from the audit trail.</summary>
public sealed class DashboardTimelineTests
{
    private static readonly StudyUser Reviewer = new("rev", "Rui", null, new HashSet<string> { StudyRoles.Reviewer });

    [Fact]
    public async Task Each_day_counts_the_responses_in_the_status_they_had_at_its_end()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = new DateTimeOffset(today.AddDays(-5).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        await using (var db = database.CreateContext())
        {
            var edition = await db.Editions.SingleAsync(e => e.Code == "2017", ct);
            var bilbao = new City("Bilbao", "Spain", Region.Europe);
            var quito = new City("Quito", "Ecuador", Region.America);
            db.Cities.AddRange(bilbao, quito);
            await db.SaveChangesAsync(ct);
            var submitted = new Response(edition.Id, bilbao.Id, edition.QuestionnaireVersion, start);
            var draft = new Response(edition.Id, quito.Id, edition.QuestionnaireVersion, start.AddDays(2));
            db.Responses.AddRange(submitted, draft);
            await db.SaveChangesAsync(ct);
            submitted.Submit(start.AddDays(3));
            db.Record(start.AddDays(3), Reviewer, AuditActions.ResponseStatusChanged, "response", submitted.Id.ToString(), edition.Id, submitted.Id, "Draft", "Submitted");
            await db.SaveChangesAsync(ct);
        }

        var dashboard = (await services.GetRequiredService<LoadEditionDashboard>().ExecuteAsync("2017", new DashboardFilter(), Reviewer, ct)).Dashboard!;

        Assert.Equal(
        [
            (today.AddDays(-5), 1, 0), (today.AddDays(-4), 1, 0), (today.AddDays(-3), 2, 0),
            (today.AddDays(-2), 1, 1), (today.AddDays(-1), 1, 1), (today, 1, 1),
        ], dashboard.Timeline.Select(d => (d.Day, d.Draft, d.Submitted)));
    }
}
