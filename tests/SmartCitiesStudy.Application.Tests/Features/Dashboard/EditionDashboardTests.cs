using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Dashboard;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.People;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Dashboard;

public sealed class EditionDashboardTests
{
    private static readonly StudyUser Reviewer = new("rev", "Rui", null, new HashSet<string> { StudyRoles.Reviewer });

    [Fact]
    public async Task The_dashboard_shows_each_citys_progress_and_counts_by_region_and_band()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var questionnaire = (await services.GetRequiredService<LoadQuestionnaire>().ExecuteAsync("2017", cancellationToken: ct))!;
        var yesNo = questionnaire.Definition.Questions.Where(q => q.Type == QuestionType.YesNo && q.ShowWhen is null).Take(3).ToList();
        var now = DateTimeOffset.UtcNow;
        int bilbaoId;
        await using (var db = database.CreateContext())
        {
            var edition = await db.Editions.SingleAsync(e => e.Code == "2017", ct);
            var bilbao = new City("Bilbao", "Spain", Region.Europe);
            var quito = new City("Quito", "Ecuador", Region.America);
            var tequila = new City("Tequila", "Mexico", Region.America);
            db.Cities.AddRange(bilbao, quito, tequila);
            await db.SaveChangesAsync(ct);
            bilbaoId = bilbao.Id;
            db.CityPopulations.AddRange(new CityPopulation(bilbao.Id, edition.Id, 345_100), new CityPopulation(quito.Id, edition.Id, 2_644_100));
            var draft = new Response(edition.Id, bilbao.Id, edition.QuestionnaireVersion, now.AddDays(-2));
            var approved = new Response(edition.Id, quito.Id, edition.QuestionnaireVersion, now.AddDays(-3));
            approved.Submit(now.AddDays(-1));
            approved.Approve(now);
            db.Responses.AddRange(draft, approved);
            db.Invitations.Add(new Invitation("officer@tequila.example", StudyRoles.CityOfficer, tequila.Id, new string('a', 64), now, TimeSpan.FromDays(7), "sec"));
            await db.SaveChangesAsync(ct);
            foreach (var question in yesNo)
            {
                db.Answers.Add(new Answer(draft.Id, question.Code, AnswerValue.Yes, edition.QuestionnaireVersion, now, "u"));
            }

            await db.SaveChangesAsync(ct);
        }

        var answers = yesNo.ToDictionary(q => q.Code, _ => AnswerValue.Yes);
        var progress = new QuestionnaireRules(questionnaire.Definition).Progress(answers);
        var expected = (int)Math.Floor(100.0 * progress.Sum(s => s.Answered) / progress.Sum(s => s.Shown));
        Assert.InRange(expected, 1, 99);

        var load = services.GetRequiredService<LoadEditionDashboard>();
        var dashboard = (await load.ExecuteAsync("2017", new DashboardFilter(), Reviewer, ct)).Dashboard!;
        Assert.Equal(["Bilbao", "Quito", "Tequila"], dashboard.Rows.Select(r => r.City));
        var bilbaoRow = dashboard.Rows[0];
        Assert.Equal((DashboardStatus.Draft, expected, PopulationBand.From100KTo1M, false), (bilbaoRow.Status, bilbaoRow.PercentComplete, bilbaoRow.Band!.Value, bilbaoRow.Invited));
        Assert.Equal(bilbaoId, bilbaoRow.CityId);
        Assert.Equal((DashboardStatus.Approved, PopulationBand.Over1M), (dashboard.Rows[1].Status, dashboard.Rows[1].Band!.Value));
        Assert.Equal((DashboardStatus.NotStarted, true, 1, (PopulationBand?)null), (dashboard.Rows[2].Status, dashboard.Rows[2].Invited, dashboard.Rows[2].PendingInvitations, dashboard.Rows[2].Band));

        Assert.Equal(new DashboardCount("America", 2, 1, 1, 1, 1), dashboard.ByRegion.Single(c => c.Group == "America"));
        Assert.Equal(new DashboardCount("Europe", 1, 0, 1, 0, 0), dashboard.ByRegion.Single(c => c.Group == "Europe"));
        Assert.Equal(1, dashboard.ByBand.Single(c => c.Group == "unknown").Cities);

        var filtered = (await load.ExecuteAsync("2017", new DashboardFilter(Region: Region.America, Status: DashboardStatus.NotStarted), Reviewer, ct)).Dashboard!;
        Assert.Equal(["Tequila"], filtered.Rows.Select(r => r.City));
        Assert.Equal(2, filtered.ByRegion.Single(c => c.Group == "America").Cities); // counts ignore the filters

        var officer = new StudyUser("o", "O", bilbaoId, new HashSet<string> { StudyRoles.CityOfficer });
        Assert.Null((await load.ExecuteAsync("2017", new DashboardFilter(), officer, ct)).Dashboard);
        Assert.True((await load.ExecuteAsync("1999", new DashboardFilter(), Reviewer, ct)).NotFound);
    }

    [Fact]
    public void The_csv_neutralises_cells_that_look_like_formulas()
    {
        var dashboard = new EditionDashboard("2017", "T", Domain.Editions.EditionStatus.Open,
            [new DashboardRow(1, "=cmd|'/c calc'!A1", "+Spain, \"north\"", Region.Europe, PopulationBand.Over1M, 1, 0, DashboardStatus.Returned, 40, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero))],
            [], []);
        var lines = DashboardCsv.Write(dashboard).Split("\r\n");
        Assert.Equal("edition,city,country,region,band,invited,officers,pending_invitations,status,percent_complete,last_activity_utc", lines[0]);
        Assert.Equal("2017,'=cmd|'/c calc'!A1,\"'+Spain, \"\"north\"\"\",Europe,over-1m,yes,1,0,returned,40,2026-01-02T03:04:05Z", lines[1]);
        Assert.Equal("'-1", DashboardCsv.Cell("-1"));
        Assert.Equal("'@SUM(A1)", DashboardCsv.Cell("@SUM(A1)"));
    }
}
