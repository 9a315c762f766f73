using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Facts;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Facts;

/// <summary>
/// Facts per edition: shipped by <c>db migrate</c> for the historical editions, changed by the secretariat (audited),
/// and never overwritten by an upgrade once changed.
/// </summary>
public sealed class EditionFactsTests
{
    [Fact]
    public async Task Db_migrate_ships_the_facts_the_seeds_give()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var load = services.GetRequiredService<LoadEditionFacts>();

        var facts2012 = await load.ExecuteAsync("2012", ct);
        var facts2017 = await load.ExecuteAsync("2017", ct);
        var facts2019 = await load.ExecuteAsync("2019", ct);
        Assert.Equal(("Committee of Digital and Knowledge-Based Cities of UCLG", "2012", true), (facts2012!.PublishingBody, facts2012.PublicationDate, facts2012.QuestionnaireReconstructed));
        Assert.Equal(("Committee of Digital and Knowledge-Based Cities of UCLG", "2017", false), (facts2017!.PublishingBody, facts2017.PublicationDate, facts2017.QuestionnaireReconstructed));
        Assert.Equal(("Community of Practice on Digital Cities of UCLG", "Early 2020", true), (facts2019!.PublishingBody, facts2019.PublicationDate, facts2019.QuestionnaireReconstructed));
        Assert.Contains("data collection form", facts2017.Methodology, StringComparison.Ordinal);
        Assert.DoesNotContain("online questionnaire", facts2012.Methodology, StringComparison.Ordinal);
        Assert.Contains("24 cities", facts2019.Methodology, StringComparison.Ordinal);
        // An archived edition's portal dates are not facts of its publication.
        Assert.Equal((null, null, null, null), (facts2017.CollectionPeriod, facts2017.CollectedFrom, facts2017.CollectedUntil, facts2017.PublishedOn));
        Assert.Equal(["2012", "2019"], (await load.ReconstructedQuestionnairesAsync(ct)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_secretariat_changes_the_facts_audited_and_an_upgrade_keeps_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var change = services.GetRequiredService<ChangeEditionFacts>();
        var load = services.GetRequiredService<LoadEditionFacts>();

        var done = await change.ExecuteAsync("2017", new EditionFactsInput(" UCLG Committee ", "March–June 2017", "November 2017", "A form on the website."), StudyUser.System, ct);
        Assert.True(done.Succeeded, done.Error);
        // db migrate again (an upgrade): the secretariat's facts stay; 2019's shipped ones are written again.
        await using (var db = database.CreateContext())
        {
            var edition2019 = await db.Editions.SingleAsync(e => e.Code == "2019", ct);
            var facts2019 = await db.EditionFacts.SingleAsync(f => f.EditionId == edition2019.Id, ct);
            facts2019.Ship("someone else", null, null, null);
            await db.SaveChangesAsync(ct);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(ct);
        }

        var facts = await load.ExecuteAsync("2017", ct);
        Assert.Equal(("UCLG Committee", "March–June 2017", "November 2017", "A form on the website.", true), (facts!.PublishingBody, facts.CollectionPeriod, facts.PublicationDate, facts.Methodology, facts.ChangedBySecretariat));
        Assert.Equal("Community of Practice on Digital Cities of UCLG", (await load.ExecuteAsync("2019", ct))!.PublishingBody);

        await using var check = database.CreateContext();
        var entry = await check.AuditEntries.SingleAsync(a => a.Action == AuditActions.EditionFactsChanged, ct);
        Assert.Equal(("edition", "2017"), (entry.EntityType, entry.EntityId));
        Assert.Contains("publishing body: Committee of Digital and Knowledge-Based Cities of UCLG", entry.Before, StringComparison.Ordinal);
        Assert.Contains("collection period: March–June 2017", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_facts_and_people_other_than_the_secretariat_are_refused_and_nothing_changes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var change = services.GetRequiredService<ChangeEditionFacts>();

        var tooLong = await change.ExecuteAsync("2017", new EditionFactsInput(new string('x', EditionFacts.MaxShortLength + 1), null, null, null), StudyUser.System, ct);
        Assert.Equal("The publishing body is longer than 200 characters.", tooLong.Error);
        var reviewer = new StudyUser("r", "R", null, new HashSet<string> { StudyRoles.Reviewer });
        Assert.Equal("forbidden", (await change.ExecuteAsync("2017", new EditionFactsInput("x", null, null, null), reviewer, ct)).ErrorCode);
        Assert.Equal("There is no edition '1999'.", (await change.ExecuteAsync("1999", new EditionFactsInput("x", null, null, null), StudyUser.System, ct)).Error);

        await using var db = database.CreateContext();
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.EditionFactsChanged, ct));
        Assert.Equal("Committee of Digital and Knowledge-Based Cities of UCLG", (await services.GetRequiredService<LoadEditionFacts>().ExecuteAsync("2017", ct))!.PublishingBody);
    }

    [Fact]
    public async Task A_portal_run_edition_without_stated_dates_shows_its_opening_date_deadline_and_publication_date()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        await using (var db = database.CreateContext())
        {
            var edition = new Edition("2026", "Smart Cities Study 2026", "DATA", 2026);
            edition.SetDeadline(new DateOnly(2026, 6, 30));
            edition.Open(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
            db.Editions.Add(edition);
            await db.SaveChangesAsync(ct);
        }

        var facts = await services.GetRequiredService<LoadEditionFacts>().ExecuteAsync("2026", ct);
        Assert.Equal((null, new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 30), null), (facts!.PublishingBody, facts.CollectedFrom, facts.CollectedUntil, facts.PublishedOn));

        await services.GetRequiredService<ChangeEditionFacts>().ExecuteAsync("2026", new EditionFactsInput("Community of Practice on Digital Cities", "Spring 2026", null, null), StudyUser.System, ct);
        facts = await services.GetRequiredService<LoadEditionFacts>().ExecuteAsync("2026", ct);
        Assert.Equal(("Spring 2026", null, null), (facts!.CollectionPeriod, facts.CollectedFrom, facts.CollectedUntil));
    }
}
