using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Indicators;

/// <summary>One demo-seeded database for the class: the indicators only read it.</summary>
public sealed class DemoDatabase : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public ServiceProvider Services { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Services = _database.CreateServices(s => s.AddStudyApplication());
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class ComputeIndicatorsTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private Task<IndicatorDocument?> ComputeAsync(string edition) =>
        demo.Services.GetRequiredService<ComputeIndicators>().ExecuteAsync(edition, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("ss_strategy", 15, 75.0)]
    [InlineData("ss_formalised", 12, 60.0)]
    [InlineData("entrepreneurship_programmes", 17, 85.0)]
    [InlineData("incubation_spaces", 11, 55.0)]
    [InlineData("science_parks", 14, 70.0)]
    [InlineData("specialised_parks", 11, 55.0)]
    [InlineData("formalised_clusters", 13, 65.0)]
    [InlineData("business_collaboration", 15, 75.0)]
    [InlineData("positioning_strategy", 20, 100.0)]
    [InlineData("dual_vocational_training", 4, 20.0)]
    [InlineData("lifelong_learning", 15, 75.0)]
    [InlineData("talent_attraction", 11, 55.0)]
    [InlineData("talent_retention", 5, 25.0)]
    [InlineData("digital_inclusion", 14, 70.0)]
    [InlineData("youth_digital_vocation", 10, 50.0)]
    [InlineData("big_data", 12, 60.0)]
    [InlineData("digital_entrepreneurship", 13, 65.0)]
    [InlineData("digital_infrastructure", 17, 85.0)]
    public async Task The_demo_reproduces_each_published_2017_share(string code, int yes, double percent)
    {
        var document = await ComputeAsync("2017");
        Assert.NotNull(document);
        Assert.Equal(20, document.Respondents);
        var share = Assert.IsType<ShareIndicator>(document.Indicators.Single(i => i.Id == code));
        Assert.Equal((yes, 20, (decimal?)percent, 0), (share.Numerator, share.Denominator, share.Percent, share.Missing));
        Assert.Equal(20, share.ByRegion.Sum(g => g.Denominator));
        Assert.Equal(yes, share.ByPopulationBand.Sum(g => g.Numerator));
    }

    [Fact]
    public async Task The_demo_reproduces_the_2017_mean_and_investment_factors()
    {
        var document = await ComputeAsync("2017");
        var mean = Assert.IsType<MeanIndicator>(document!.Indicators.Single(i => i.Id == "university_share_25_30"));
        Assert.Equal(30.0m, mean.Mean);
        Assert.Equal(20, mean.N + mean.Missing);

        var factors = Assert.IsType<ChoiceIndicator>(document.Indicators.Single(i => i.Id == "investment_factors"));
        Assert.Equal((19, 1), (factors.Denominator, factors.Missing));
        var byCode = factors.Options.ToDictionary(o => o.Code, o => o with { ByRegion = null, ByPopulationBand = null });
        Assert.Equal(new OptionShare("qualified_human_capital", 11, 57.9m), byCode["qualified_human_capital"]);
        Assert.Equal(new OptionShare("innovation_centres", 9, 47.4m), byCode["innovation_centres"]);
        Assert.Equal(new OptionShare("geographic_position", 5, 26.3m), byCode["geographic_position"]);
        Assert.Equal("other", factors.Options[^1].Code);
    }

    [Fact]
    public async Task The_2017_breakdowns_follow_the_published_regions_and_bands()
    {
        var document = await ComputeAsync("2017");
        var share = Assert.IsType<ShareIndicator>(document!.Indicators.Single(i => i.Id == "ss_strategy"));
        Assert.Equal(["Africa", "America", "Asia", "Europe"], share.ByRegion.Select(g => g.Group));
        Assert.Equal([1, 6, 3, 10], share.ByRegion.Select(g => g.Denominator));
        Assert.Equal(["under-50k", "50k-100k", "100k-1m", "over-1m"], share.ByPopulationBand.Select(g => g.Group));
        Assert.Equal([2, 2, 9, 7], share.ByPopulationBand.Select(g => g.Denominator));
    }

    [Fact]
    public async Task Only_approved_responses_count()
    {
        var document = await ComputeAsync("2019");
        Assert.Equal(24, document!.Respondents);
        var open = await ComputeAsync(DemoDataSeeder.NextEditionCode);
        Assert.Equal(0, open!.Respondents); // a draft and a submitted response
        Assert.All(open.Indicators.OfType<ShareIndicator>(), s => Assert.Null(s.Percent));
    }

    [Fact]
    public async Task An_unknown_edition_gives_null() => Assert.Null(await ComputeAsync("1999"));
}

public sealed class ComputeIndicatorsBandTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Populations_on_a_band_boundary_land_in_the_upper_band_and_returned_responses_do_not_count()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            var edition = await db.Editions.SingleAsync(e => e.Code == "2017", ct);
            (string Name, long? Population, ResponseStatus Status, bool Yes)[] plan =
            [
                ("Fifty", 50_000, ResponseStatus.Approved, true),
                ("Hundred", 100_000, ResponseStatus.Approved, false),
                ("Million", 1_000_000, ResponseStatus.Approved, true),
                ("Below", 49_999, ResponseStatus.Approved, false),
                ("Unknown", null, ResponseStatus.Approved, true),
                ("Returned", 1_000_000, ResponseStatus.Returned, true),
                ("Submitted", 1_000_000, ResponseStatus.Submitted, true),
                ("Draft", 1_000_000, ResponseStatus.Draft, true),
            ];
            var responses = new List<(Response Response, bool Yes)>();
            foreach (var (name, population, status, yes) in plan)
            {
                var city = new City(name, "Testland", Region.Oceania);
                db.Cities.Add(city);
                await db.SaveChangesAsync(ct);
                if (population is { } p)
                {
                    db.CityPopulations.Add(new CityPopulation(city.Id, edition.Id, p));
                }

                var response = new Response(edition.Id, city.Id, edition.QuestionnaireVersion, Now);
                response.ForceStatus(status, Now);
                db.Responses.Add(response);
                responses.Add((response, yes));
            }

            await db.SaveChangesAsync(ct);
            db.Answers.AddRange(responses.Select(r => new Answer(r.Response.Id, "ss_strategy", AnswerValue.OfBool(r.Yes), edition.QuestionnaireVersion, Now, null)));
            await db.SaveChangesAsync(ct);
        }

        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var document = await services.GetRequiredService<ComputeIndicators>().ExecuteAsync("2017", ct);

        Assert.Equal(5, document!.Respondents);
        var share = Assert.IsType<ShareIndicator>(document.Indicators.Single(i => i.Id == "ss_strategy"));
        Assert.Equal((3, 5, 60.0m), (share.Numerator, share.Denominator, share.Percent));
        Assert.Equal([new GroupShare("Oceania", 3, 5, 60.0m)], share.ByRegion);
        Assert.Equal(
            [
                new GroupShare("under-50k", 0, 1, 0.0m),
                new GroupShare("50k-100k", 1, 1, 100.0m),
                new GroupShare("100k-1m", 0, 1, 0.0m),
                new GroupShare("over-1m", 1, 1, 100.0m),
            ],
            share.ByPopulationBand);
    }
}
