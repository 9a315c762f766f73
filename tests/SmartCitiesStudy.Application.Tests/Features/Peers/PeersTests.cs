using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Features.Peers;
using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Application.Tests.Features.Indicators;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Peers;

/// <summary>
/// "Cities that do this" (issue 21): the peers of a figure are exactly the cities the indicators count in its
/// numerator, compared with the figures the database counts (<see cref="ComputeIndicators"/>) and with the demo's
/// own list of who answered yes, never with a copy of the counting rules.
/// </summary>
public sealed class PeersTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private T Get<T>() where T : notnull => demo.Services.GetRequiredService<T>();

    [Theory]
    [InlineData("2017")]
    [InlineData("2019")]
    public async Task Every_share_and_choice_figure_has_as_many_peers_as_its_numerator_alphabetically_with_practices_of_its_field(string edition)
    {
        var ct = TestContext.Current.CancellationToken;
        var document = await Get<ComputeIndicators>().ExecuteAsync(edition, ct);
        var definition = (await Get<LoadQuestionnaire>().ExecuteAsync(edition, cancellationToken: ct))!.Definition;
        var practices = await Get<ListGoodPractices>().ExecuteAsync(edition, ct);
        var participants = (await Get<ListParticipants>().ExecuteAsync(edition, ct)).Select(p => p.Slug).ToHashSet();
        var checkedFigures = 0;
        foreach (var indicator in document!.Indicators)
        {
            var expected = indicator.Match(
                s => [(null, s.Numerator)],
                c => c.Options.Select(o => ((string?)o.Code, o.Numerator ?? -1)).ToList(),
                _ => new List<(string?, int)>());
            foreach (var (option, numerator) in expected)
            {
                var lookup = await Get<ListPeers>().ExecuteAsync(edition, indicator.Id, option, ct);
                var peers = Assert.IsType<PeersOfFigure>(lookup.Peers);
                Assert.Equal((edition, indicator.Id, option, PeersBasis.Responses), (peers.Edition, peers.Indicator, peers.Option, peers.Basis));
                Assert.Equal(numerator, peers.Cities.Count);
                Assert.Equal(peers.Cities.Select(c => c.Name).Order(ListPeers.NameOrder), peers.Cities.Select(c => c.Name));
                Assert.All(peers.Cities, c => Assert.Contains(c.Slug, participants));
                var field = definition.SectionOf(indicator.Id)!.Code;
                Assert.Equal(field, peers.Field);
                Assert.All(peers.Cities.SelectMany(c => c.GoodPractices), p => Assert.Equal(field, practices.Single(x => x.Id == p.Id).Field));
                checkedFigures++;
            }
        }

        Assert.True(checkedFigures > 20, $"only {checkedFigures} figures checked");
    }

    [Theory]
    [InlineData("ss_strategy")]
    [InlineData("dual_vocational_training")]
    [InlineData("open_data_portal")]
    [InlineData("talent_retention")]
    public async Task The_2017_peers_are_the_cities_the_demo_answered_yes_for(string figure)
    {
        var lookup = await Get<ListPeers>().ExecuteAsync("2017", figure, null, TestContext.Current.CancellationToken);
        Assert.Equal(Demo2017Responses.YesCities[figure].Order(ListPeers.NameOrder), lookup.Peers!.Cities.Select(c => c.Name));
    }

    [Fact]
    public async Task A_conditional_share_counts_only_the_cities_with_both_yes_and_a_choice_counts_its_option()
    {
        var ct = TestContext.Current.CancellationToken;
        var formalised = await Get<ListPeers>().ExecuteAsync("2017", "ss_formalised", null, ct);
        Assert.Equal(Demo2017Responses.ConditionalYesCities["ss_formalised"].Order(ListPeers.NameOrder), formalised.Peers!.Cities.Select(c => c.Name));

        var factors = await Get<ListPeers>().ExecuteAsync("2017", "investment_factors", "innovation_centres", ct);
        Assert.Equal(Demo2017Responses.InvestmentFactors["innovation_centres"].Order(ListPeers.NameOrder), factors.Peers!.Cities.Select(c => c.Name));
        var bilbao = factors.Peers.Cities.Single(c => c.Slug == "bilbao");
        Assert.NotEmpty(bilbao.GoodPractices);
    }

    [Theory]
    [InlineData("2017", "no_such_figure", null)]
    [InlineData("2017", "investment_factors", "no_such_option")]
    [InlineData("2017", "investment_factors", null)]
    [InlineData("2017", "ss_strategy", "yes")]
    [InlineData("1999", "ss_strategy", null)]
    public async Task An_unknown_edition_figure_or_option_has_no_peers_and_says_why(string edition, string figure, string? option)
    {
        var lookup = await Get<ListPeers>().ExecuteAsync(edition, figure, option, TestContext.Current.CancellationToken);
        Assert.Null(lookup.Peers);
        Assert.Contains(figure, lookup.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mean_has_no_peers()
    {
        var ct = TestContext.Current.CancellationToken;
        var definition = (await Get<LoadQuestionnaire>().ExecuteAsync("2017", cancellationToken: ct))!.Definition;
        var mean = definition.Questions.First(q => q.Figure is { Kind: IndicatorKind.Mean });
        Assert.Null((await Get<ListPeers>().ExecuteAsync("2017", mean.Code, null, ct)).Peers);
    }

    [Fact]
    public async Task An_officer_learns_from_the_cities_counted_where_their_own_city_is_not_and_only_for_their_city()
    {
        var ct = TestContext.Current.CancellationToken;
        var porto = await OfficerOfAsync("porto");
        var learning = await Get<LearnFromPeers>().ExecuteAsync("2017", porto, ct);

        // Porto answered no to dual vocational training: the four cities that did are its peers there.
        var dual = learning!.Gaps.Single(g => g.IndicatorId == "dual_vocational_training");
        Assert.Equal(Demo2017Responses.YesCities["dual_vocational_training"].Order(ListPeers.NameOrder), dual.Peers.Select(p => p.Name));
        Assert.StartsWith("¿Cuenta la ciudad con modelos de formación profesional", dual.Title.Get("es"), StringComparison.Ordinal);
        var expectedGaps = Demo2017Responses.YesCities.Where(y => !y.Value.Contains("Porto")).Select(y => y.Key).ToHashSet();
        Assert.Equal(expectedGaps.Order(), learning.Gaps.Select(g => g.IndicatorId).Where(Demo2017Responses.YesCities.ContainsKey).Order());
        Assert.All(learning.Gaps, g => Assert.DoesNotContain(g.Peers, p => p.Slug == "porto"));

        var bilbao = await Get<LearnFromPeers>().ExecuteAsync("2017", await OfficerOfAsync("bilbao"), ct);
        Assert.DoesNotContain(bilbao!.Gaps, g => g.IndicatorId == "dual_vocational_training");
    }

    [Fact]
    public async Task Learn_from_peers_is_closed_before_approval_or_publication_and_to_anyone_but_an_officer()
    {
        var ct = TestContext.Current.CancellationToken;
        // Bilbao's 2026 response is a draft and the edition is open; Kathmandu's 2019 one was returned, but 2019 is published.
        Assert.Null(await Get<LearnFromPeers>().ExecuteAsync(DemoDataSeeder.NextEditionCode, await OfficerOfAsync("bilbao"), ct));
        Assert.NotNull(await Get<LearnFromPeers>().ExecuteAsync("2019", await OfficerOfAsync("kathmandu"), ct));
        Assert.Null(await Get<LearnFromPeers>().ExecuteAsync("2017", StudyUser.System, ct));
        var reviewer = new StudyUser("r", "Rui", null, new HashSet<string> { StudyRoles.Reviewer });
        Assert.Null(await Get<LearnFromPeers>().ExecuteAsync("2017", reviewer, ct));
        Assert.Null(await Get<LearnFromPeers>().ExecuteAsync("1999", await OfficerOfAsync("bilbao"), ct));
    }

    private async Task<StudyUser> OfficerOfAsync(string slug)
    {
        await using var db = demo.Database.CreateContext();
        var id = await db.Cities.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken);
        return new StudyUser(slug + "-officer", slug, id, new HashSet<string> { StudyRoles.CityOfficer });
    }
}

/// <summary>An edition run before the portal has no per-city answers: its peers are the cities of its good practices.</summary>
public sealed class ArchivedPeersTests
{
    [Fact]
    public async Task After_db_migrate_alone_2017_peers_are_the_cities_of_its_good_practices_in_the_field()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());

        var lookup = await services.GetRequiredService<ListPeers>().ExecuteAsync("2017", "ss_strategy", null, ct);
        var peers = Assert.IsType<PeersOfFigure>(lookup.Peers);
        Assert.Equal((PeersBasis.GoodPractices, "innovation"), (peers.Basis, peers.Field));
        var practices = (await services.GetRequiredService<ListGoodPractices>().ExecuteAsync("2017", ct)).Where(p => p.Field == "innovation").ToList();
        Assert.Equal(practices.Select(p => p.City.Name).Distinct().Order(ListPeers.NameOrder), peers.Cities.Select(c => c.Name));
        Assert.Equal(practices.Select(p => p.Id).Order(), peers.Cities.SelectMany(c => c.GoodPractices).Select(p => p.Id).Order());
        Assert.All(peers.Cities, c => Assert.True(c.AsPublished));

        Assert.Null((await services.GetRequiredService<ListPeers>().ExecuteAsync("2017", "no_such_figure", null, ct)).Peers);
        Assert.Null((await services.GetRequiredService<ListPeers>().ExecuteAsync("2017", "investment_factors", "no_such_option", ct)).Peers);
    }
}
