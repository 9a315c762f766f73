using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Exports;
using SmartCitiesStudy.Application.Features.Imports;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Application.Tests.Features.Cities;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Archive;

/// <summary>
/// A database after <c>db migrate</c> alone (migrations and reference data, no demo) shows the historical editions as
/// their publications state them (ADR 0013), with no per-city answer anywhere; a database that already holds
/// responses of a historical edition keeps them and the figures computed from them.
/// </summary>
public sealed class ArchivedEditionsTests
{
    [Fact]
    public async Task After_db_migrate_alone_the_historical_editions_show_what_their_publications_state()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());

        var editions = await services.GetRequiredService<ListEditions>().ExecuteAsync(publishedOnly: true, ct);
        Assert.Equal(
            [("2019", 24, FiguresSource.Published), ("2017", 20, FiguresSource.Published), ("2012", 28, FiguresSource.Published)],
            editions.Select(e => (e.Code, e.Respondents, e.FiguresSource)));
        Assert.All(editions, e => Assert.False(e.HoldsDemoData));

        var document = await services.GetRequiredService<ComputeIndicators>().ExecuteAsync("2017", ct);
        Assert.Equal((FiguresSource.Published, 20, 20), (document!.Source, document.Respondents, document.Indicators.Count));
        var strategy = Assert.IsType<ShareIndicator>(document.Indicators.Single(i => i.Id == "ss_strategy"));
        Assert.Equal((15, 20, 75m, 0), (strategy.Numerator, strategy.Denominator, strategy.Percent!.Value, strategy.Missing));
        Assert.Empty(strategy.ByRegion); // no breakdown per question was published
        var factors = Assert.IsType<ChoiceIndicator>(document.Indicators.Single(i => i.Id == "investment_factors"));
        Assert.Null(factors.Denominator);
        Assert.Equal([58m, 47m, 27m], factors.Options.Select(o => o.Percent!.Value));

        var json = IndicatorJson.Write(document);
        Assert.Contains("\"source\": \"published\"", json, StringComparison.Ordinal);
        Assert.Contains("\"percent\": 27.0", json, StringComparison.Ordinal);
        Assert.Contains("\"denominator\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"questionnaire\": {\n    \"reconstructed\": false\n  }", json, StringComparison.Ordinal);

        var empty = await services.GetRequiredService<ComputeIndicators>().ExecuteAsync("2019", ct);
        Assert.Equal((FiguresSource.Published, 24, 0, true), (empty!.Source, empty.Respondents, empty.Indicators.Count, empty.QuestionnaireReconstructed));

        var participants = await services.GetRequiredService<ListParticipants>().ExecuteAsync("2017", ct);
        Assert.Equal(20, participants.Count);
        Assert.All(participants, p => Assert.True(p.AsPublished && p.Population is null && p.Band is not null));

        var practices = await services.GetRequiredService<ListGoodPractices>().ExecuteAsync("2017", ct);
        Assert.Equal(24, practices.Count);
        var medellin = Assert.Single(practices, p => p.Id == "2017-medellin-ruta-n-capital");
        Assert.Equal(("Medellín", "www.rutanmedellin.org"), (medellin.City.Name, medellin.Website));
        Assert.Equal(medellin, await services.GetRequiredService<ListGoodPractices>().FindAsync(medellin.Id, ct));

        // No per-city answer of a real city: the open data has no rows and there is no factsheet.
        var table = await services.GetRequiredService<ExportApprovedResponses>().ExecuteAsync("2017", ct);
        var rows = 0;
        await foreach (var _ in table!.Rows.WithCancellation(ct))
        {
            rows++;
        }

        Assert.Equal(0, rows);
        var report = services.GetRequiredService<BuildStudyReport>();
        Assert.Null(await report.FactsheetAsync("2017", "bilbao", "en", ct));
        var study = await report.ExecuteAsync("2017", "en", ct);
        Assert.Equal((20, FiguresSource.Published, 24), (study!.Edition.Respondents, study.Indicators.Source, study.GoodPractices.Count));
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Responses.CountAsync(ct));
        Assert.Equal(0, await db.Cities.CountAsync(ct));
    }

    [Fact]
    public async Task Db_migrate_on_a_database_holding_responses_keeps_them_and_their_figures()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        await using (var db = database.CreateContext())
        {
            // A database from before the published records: remove them, as an older version never wrote them.
            db.PublishedRecords.RemoveRange(db.PublishedRecords);
            await db.SaveChangesAsync(ct);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(ct);
        }

        int responses;
        await using (var db = database.CreateContext())
        {
            responses = await db.Responses.CountAsync(ct);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(ct);
            Assert.Equal(3, added); // the three published records, nothing else
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(responses, await db.Responses.CountAsync(ct));
        }

        var document = await services.GetRequiredService<ComputeIndicators>().ExecuteAsync("2017", ct);
        Assert.Equal((FiguresSource.Responses, 20), (document!.Source, document.Respondents));
        var factors = Assert.IsType<ChoiceIndicator>(document.Indicators.Single(i => i.Id == "investment_factors"));
        Assert.Equal(19, factors.Denominator); // computed from the answers (ADR 0005), not the printed record
        var edition = (await services.GetRequiredService<ListEditions>().ExecuteAsync(publishedOnly: true, ct)).Single(e => e.Code == "2017");
        Assert.True(edition.HoldsDemoData);
        Assert.Equal(FiguresSource.Responses, edition.FiguresSource);
    }

    [Fact]
    public async Task Importing_responses_into_an_archived_edition_replaces_its_published_figures_only_when_asked()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        await using (var db = database.CreateContext())
        {
            var edition = await db.Editions.SingleAsync(e => e.Code == "2017", ct);
            edition.Reopen("test: import real responses", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(ct);
        }

        var import = services.GetRequiredService<ImportResponses>();
        var file = "city,country,region,population,status,ss_strategy\nBilbao,Spain,Europe,345100,approved,yes\nPorto,Portugal,Europe,,approved,no\n"u8.ToArray();
        var refused = await import.ExecuteAsync(file, "2017", dryRun: false, replace: false, CityUser.Secretariat, ct);
        Assert.False(refused.Stored);
        Assert.StartsWith("Edition 2017 shows its figures as published in 2017;", Assert.Single(refused.Problems).Message, StringComparison.Ordinal);
        Assert.Equal(FiguresSource.Published, (await services.GetRequiredService<ComputeIndicators>().ExecuteAsync("2017", ct))!.Source);

        var stored = await import.ExecuteAsync(file, "2017", dryRun: false, replace: false, replacePublished: true, CityUser.Secretariat, ct);
        Assert.True(stored.Stored, string.Join("\n", stored.Problems));
        var document = await services.GetRequiredService<ComputeIndicators>().ExecuteAsync("2017", ct);
        Assert.Equal((FiguresSource.Responses, 2), (document!.Source, document.Respondents));
        await using (var db = database.CreateContext())
        {
            var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.PublishedFiguresReplaced, ct);
            Assert.Equal(("edition", "2017", "figures as published in 2017"), (entry.EntityType, entry.EntityId, entry.Before));
        }

        // Further imports go to an edition whose figures are already computed: no flag needed, no second entry.
        var more = await import.ExecuteAsync("city,country,region,population,status,ss_strategy\nQuito,Ecuador,America,,approved,yes\n"u8.ToArray(), "2017", dryRun: false, replace: false, CityUser.Secretariat, ct);
        Assert.True(more.Stored, string.Join("\n", more.Problems));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.PublishedFiguresReplaced, ct));
        }
    }
}
