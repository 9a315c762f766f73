using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Application.Features.Imports;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Features.Responses;
using SmartCitiesStudy.Application.Tests.Features.Cities;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Imports;

public sealed class ImportResponsesTests
{
    private const string Header = "city,country,region,population,status,ss_strategy,ss_formalised,investment_factors,investment_factors_other,university_share_25_30,parks_description";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A fresh database whose 2017 edition (published at seeding) is taken back to closed, so it takes imports.</summary>
    private static async Task<(TestDatabase Database, ServiceProvider Services)> ClosedEditionAsync(CancellationToken ct)
    {
        var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            var edition = await db.Editions.SingleAsync(e => e.Code == "2017", ct);
            edition.Reopen("test: import responses", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(ct);
        }

        return (database, database.CreateServices(s => s.AddStudyApplication()));
    }

    [Fact]
    public async Task A_good_file_creates_cities_responses_answers_populations_history_and_audit_and_feeds_the_indicators()
    {
        var ct = TestContext.Current.CancellationToken;
        var (database, services) = await ClosedEditionAsync(ct);
        await using var _ = database;
        await using var __ = services;
        await services.GetRequiredService<SaveCity>().ExecuteAsync(new CityInput(null, "Bilbao", "Spain", Region.Europe, null), CityUser.Secretariat, ct);
        var import = services.GetRequiredService<ImportResponses>();
        var indicators = services.GetRequiredService<ComputeIndicators>();
        var before = (await indicators.ExecuteAsync("2017", ct))!;
        Assert.Equal((FiguresSource.Published, 20), (before.Source, before.Respondents)); // as published, until responses are approved
        var file = Utf8("\uFEFF" + Header + "\r\n"
            + " bilbao ,SPAIN,Europe,345100,approved,yes,yes,quality_of_life|other,Port,30.5,Bilbao Bizkaia\r\n"
            + "Quito,Ecuador,America,2644100,Approved,no,,infrastructure,,,\r\n"
            + "Porto Alegre,Brazil,america,,draft,yes,no,,,12,\"Text, with a comma\"\r\n");

        var dry = await import.ExecuteAsync(file, "2017", dryRun: true, replace: false, replacePublished: true, CityUser.Secretariat, ct);
        Assert.True(dry.Succeeded, string.Join("\n", dry.Problems));
        Assert.False(dry.Stored);
        Assert.Equal((2, 3, 0, 11, 2), (dry.NewCities, dry.Created, dry.Replaced, dry.Answers, dry.Populations));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(1, await db.Cities.CountAsync(ct));
            Assert.Equal(0, await db.Responses.CountAsync(ct));
            Assert.Equal(0, await db.CityPopulations.CountAsync(ct));
        }

        var result = await import.ExecuteAsync(file, "2017", dryRun: false, replace: false, replacePublished: true, CityUser.Secretariat, ct);
        Assert.True(result.Stored, string.Join("\n", result.Problems));
        Assert.Equal((2, 3, 0, 11, 2), (result.NewCities, result.Created, result.Replaced, result.Answers, result.Populations));

        await using (var db = database.CreateContext())
        {
            var edition = await db.Editions.SingleAsync(e => e.Code == "2017", ct);
            var cities = await db.Cities.ToDictionaryAsync(c => c.Slug, ct);
            Assert.Equal(["bilbao", "porto-alegre", "quito"], cities.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(Region.America, cities["porto-alegre"].Region);
            var populations = await db.CityPopulations.Where(p => p.EditionId == edition.Id).ToDictionaryAsync(p => p.CityId, p => p.Population, ct);
            Assert.Equal(345_100, populations[cities["bilbao"].Id]);
            Assert.Equal(2_644_100, populations[cities["quito"].Id]);
            Assert.False(populations.ContainsKey(cities["porto-alegre"].Id));

            var responses = await db.Responses.Where(r => r.EditionId == edition.Id).ToDictionaryAsync(r => r.CityId, ct);
            Assert.Equal(ResponseStatus.Approved, responses[cities["bilbao"].Id].Status);
            Assert.NotNull(responses[cities["bilbao"].Id].ApprovedAt);
            Assert.Equal(ResponseStatus.Draft, responses[cities["porto-alegre"].Id].Status);

            var bilbao = await db.LoadAnswerValuesAsync(responses[cities["bilbao"].Id].Id, ct);
            Assert.Equal(["investment_factors", "parks_description", "ss_formalised", "ss_strategy", "university_share_25_30"], bilbao.Keys.Order(StringComparer.Ordinal));
            Assert.True(bilbao["ss_formalised"].Bool);
            Assert.Equal(["quality_of_life", "other"], bilbao["investment_factors"].Codes!);
            Assert.Equal("Port", bilbao["investment_factors"].Other);
            Assert.Equal(30.5m, bilbao["university_share_25_30"].Number);
            Assert.Equal("Text, with a comma", (await db.LoadAnswerValuesAsync(responses[cities["porto-alegre"].Id].Id, ct))["parks_description"].Text);

            var history = await db.AnswerChanges.ToListAsync(ct);
            Assert.Equal(11, history.Count);
            Assert.All(history, h => Assert.Equal(AnswerChangeSource.Import, h.Source));
            Assert.All(history, h => Assert.Equal("Sara Secretariat", h.UserName));

            var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.AnswersImported).ToListAsync(ct);
            Assert.Equal(3, audit.Count);
            Assert.Contains(audit, a => a.ResponseId == responses[cities["bilbao"].Id].Id && a.After == "approved, 5 answer(s)" && a.Before == null && a.EditionId == edition.Id);
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.CityCreated && a.Reason == "CSV import of responses", ct));
        }

        // Approved responses are counted: Bilbao yes, Quito no; Porto Alegre is a draft.
        var document = await indicators.ExecuteAsync("2017", ct);
        Assert.Equal((FiguresSource.Responses, 2), (document!.Source, document.Respondents));
        var strategy = Assert.IsType<ShareIndicator>(document.Indicators.Single(i => i.Id == "ss_strategy"));
        Assert.Equal((1, 2), (strategy.Numerator, strategy.Denominator));
    }

    [Fact]
    public async Task A_bad_file_names_every_problem_with_its_row_and_column_and_stores_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (database, services) = await ClosedEditionAsync(ct);
        await using var _ = database;
        await using var __ = services;
        var file = Utf8("""
            city,country,region,population,status,ss_strategy,ss_formalised,investment_factors,university_share_25_30
            Good,Spain,Europe,1000,approved,yes,yes,infrastructure,10
            ,Spain,Atlantis,lots,finished,maybe,yes,teleportation,120
            Vigo,Spain,Europe,,draft,no,yes,,
            vigo,SPAIN,Europe,,draft,,,,
            Lugo,Spain,Europe,200000000,draft,,,quality_of_life|other,12.55
            Ourense,Spain
            """);

        var result = await services.GetRequiredService<ImportResponses>().ExecuteAsync(file, "2017", dryRun: false, replace: false, replacePublished: true, CityUser.Secretariat, ct);

        Assert.False(result.Stored);
        Assert.Equal(
        [
            "row 3, column city: The city is missing.",
            "row 3, column region: 'Atlantis' is not a region; use Africa, America, Asia, Europe or Oceania.",
            "row 3, column population: 'lots' is not a whole number (digits only, no separators).",
            "row 3, column status: 'finished' is not a status; use draft, submitted, returned or approved.",
            "row 3, column ss_strategy: 'maybe' is not yes or no.",
            "row 3, column investment_factors: 'teleportation' is not an option of 'investment_factors'.",
            "row 3, column university_share_25_30: 120 is above the maximum of 100.",
            "row 4, column ss_formalised: Answers a question hidden because ss_strategy is \"no\" (it is asked only when ss_strategy is \"yes\").",
            "row 5, column city: vigo, SPAIN is already on row 4: a city has one response per edition.",
            "row 6, column population: 200000000 is more than 100,000,000.",
            "row 6, column investment_factors: \"other\" is chosen: say what it is in the column investment_factors_other.",
            "row 6, column university_share_25_30: 12.55 has more than 1 decimal place(s).",
            "row 7: The row has 2 cell(s); the header has 9.",
        ], result.Problems.Select(p => p.ToString()));
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Cities.CountAsync(ct));
        Assert.Equal(0, await db.Responses.CountAsync(ct));
        Assert.Equal(0, await db.Answers.CountAsync(ct));
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.AnswersImported, ct));
    }

    [Fact]
    public async Task An_existing_response_is_refused_without_replace_and_replaced_with_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var (database, services) = await ClosedEditionAsync(ct);
        await using var _ = database;
        await using var __ = services;
        var import = services.GetRequiredService<ImportResponses>();
        var first = await import.ExecuteAsync(Utf8(Header + "\nBilbao,Spain,Europe,345100,approved,yes,yes,,,,Bilbao Bizkaia\n"), "2017", dryRun: false, replace: false, replacePublished: true, CityUser.Secretariat, ct);
        Assert.True(first.Stored, string.Join("\n", first.Problems));

        var second = Utf8("city,country,region,population,status,ss_strategy\nBILBAO,Spain,Europe,345200,submitted,no\n");
        var refused = await import.ExecuteAsync(second, "2017", dryRun: false, replace: false, replacePublished: true, CityUser.Secretariat, ct);
        Assert.Equal(
            ["row 2, column city: Bilbao, Spain already has a response in edition 2017 (approved); import with \"replace\" to replace its answers."],
            refused.Problems.Select(p => p.ToString()));

        var dry = await import.ExecuteAsync(second, "2017", dryRun: true, replace: true, replacePublished: true, CityUser.Secretariat, ct);
        Assert.Equal((0, 0, 1, 1, 1, false), (dry.NewCities, dry.Created, dry.Replaced, dry.Answers, dry.Populations, dry.Stored));

        var replaced = await import.ExecuteAsync(second, "2017", dryRun: false, replace: true, replacePublished: true, CityUser.Secretariat, ct);
        Assert.True(replaced.Stored, string.Join("\n", replaced.Problems));

        await using var db = database.CreateContext();
        var response = await db.Responses.SingleAsync(ct);
        Assert.Equal(ResponseStatus.Submitted, response.Status);
        Assert.Null(response.ApprovedAt);
        var answers = await db.LoadAnswerValuesAsync(response.Id, ct);
        Assert.False(answers["ss_strategy"].Bool);
        Assert.True(answers["ss_formalised"].IsEmpty);
        Assert.True(answers["parks_description"].IsEmpty);
        Assert.Equal(345_200, (await db.CityPopulations.SingleAsync(ct)).Population);

        var cleared = await db.AnswerChanges.Where(c => c.Path == "parks_description").OrderBy(c => c.Id).ToListAsync(ct);
        Assert.Equal(2, cleared.Count);
        Assert.Null(cleared[1].NewValueJson);
        Assert.Equal(AnswerChangeSource.Import, cleared[1].Source);
        var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.AnswersImported).OrderBy(a => a.Id).ToListAsync(ct);
        Assert.Equal(2, audit.Count);
        Assert.Equal(("approved, 3 answer(s)", "submitted, 1 answer(s)"), (audit[1].Before, audit[1].After));
    }

    [Fact]
    public async Task Header_file_edition_and_permission_problems_are_explained()
    {
        var ct = TestContext.Current.CancellationToken;
        var (database, services) = await ClosedEditionAsync(ct);
        await using var _ = database;
        await using var __ = services;
        var import = services.GetRequiredService<ImportResponses>();

        async Task<string[]> Problems(byte[] file, string edition = "2017") =>
            [.. (await import.ExecuteAsync(file, edition, dryRun: false, replace: false, replacePublished: true, CityUser.Secretariat, ct)).Problems.Select(p => p.ToString())];

        Assert.Equal(
        [
            "row 1, column ss_strategy: The column appears twice.",
            "row 1, column favourite_colour: Unknown column: there is no question 'favourite_colour' in the questionnaire of edition 2017.",
            "row 1, column good_practices: 'good_practices' is a list of items (such as good practices), which cannot be imported from CSV; enter them in the form.",
            "row 1, column title: 'title' is a field of 'good_practices', a list of items, which cannot be imported from CSV; enter them in the form.",
            "row 1, column ss_strategy_other: 'ss_strategy' has no \"other\" option, so it takes no \"other\" text.",
            "row 1, column population: This column is required.",
            "row 1, column status: This column is required.",
        ], await Problems(Utf8("city,country,region,band,ss_strategy,ss_strategy,favourite_colour,good_practices,title,ss_strategy_other\n")));
        Assert.Equal(["file: There is no edition '1999'."], await Problems(Utf8(Header + "\n"), "1999"));
        Assert.Equal(
            ["file: Edition 2012 is published: its figures are public. Unpublish it (back to closed) before importing responses."],
            await Problems(Utf8(Header + "\n"), "2012"));
        await using (var db = database.CreateContext())
        {
            db.Editions.Add(new Edition("2030", "Smart Cities Study 2030", "FUTURE", 2030));
            await db.SaveChangesAsync(ct);
        }

        Assert.Equal(["file: Edition 2030 has no questionnaire yet; import or write one first."], await Problems(Utf8(Header + "\n"), "2030"));
        Assert.Equal(["row 1: The columns are separated by ';'. Save the file with commas between columns (CSV UTF-8)."], await Problems(Utf8("city;country;region;population;status\n")));
        Assert.Equal(["file: The file has a header but no cities."], await Problems(Utf8(Header + "\n")));

        var latin1 = Utf8(Header + "\n").Concat(new byte[] { (byte)'L', 0xE9, (byte)'o', (byte)'\n' }).ToArray();
        Assert.StartsWith("row 2: The file is not UTF-8 text", Assert.Single(await Problems(latin1)), StringComparison.Ordinal);
        Assert.Equal(["file: The file is 5120 KiB; the limit is 5 MiB."], await Problems(new byte[ImportResponses.MaxFileBytes + 1]));

        var reviewer = await import.ExecuteAsync(Utf8(Header + "\n"), "2017", dryRun: true, replace: false, replacePublished: true, CityUser.Reviewer, ct);
        Assert.Equal(["file: Only the secretariat can import responses."], reviewer.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task The_sample_file_in_the_docs_is_valid_for_2017()
    {
        var ct = TestContext.Current.CancellationToken;
        var (database, services) = await ClosedEditionAsync(ct);
        await using var _ = database;
        await using var __ = services;
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SmartCitiesStudy.sln")))
        {
            directory = directory.Parent;
        }

        var sample = await File.ReadAllBytesAsync(Path.Combine(directory!.FullName, "docs", "samples", "responses-2017.csv"), ct);
        var result = await services.GetRequiredService<ImportResponses>().ExecuteAsync(sample, "2017", dryRun: true, replace: false, replacePublished: true, CityUser.Secretariat, ct);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal((3, 3, 0, 3), (result.NewCities, result.Created, result.Replaced, result.Populations));
    }
}
