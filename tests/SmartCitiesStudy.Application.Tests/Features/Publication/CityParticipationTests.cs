using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Application.Tests.Features.Indicators;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Indicators;

namespace SmartCitiesStudy.Application.Tests.Features.Publication;

public sealed class CityParticipationTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private T Get<T>() where T : notnull => demo.Services.GetRequiredService<T>();

    [Fact]
    public async Task A_city_is_counted_in_the_published_editions_where_its_response_is_approved_newest_first()
    {
        var ct = TestContext.Current.CancellationToken;
        var bilbao = await Get<ListCityParticipation>().ExecuteAsync("bilbao", ct);

        Assert.NotNull(bilbao);
        Assert.Equal("Bilbao", bilbao.Name);
        Assert.Equal(Region.Europe, bilbao.Region);
        Assert.Equal(["2019", "2017", "2012"], bilbao.Editions.Select(e => e.EditionCode)); // its 2026 draft does not count
        Assert.All(bilbao.Editions, e => Assert.NotNull(e.Band));
    }

    [Fact]
    public async Task A_response_not_approved_does_not_count_and_an_unknown_city_is_null()
    {
        var ct = TestContext.Current.CancellationToken;
        var kathmandu = await Get<ListCityParticipation>().ExecuteAsync("kathmandu", ct);
        Assert.Equal(["2017", "2012"], kathmandu!.Editions.Select(e => e.EditionCode)); // its 2019 response was returned
        Assert.Null(await Get<ListCityParticipation>().ExecuteAsync("atlantis", ct));
    }

    [Fact]
    public async Task Trends_of_an_edition_are_the_indicators_another_edition_shares_with_each_edition_s_x_of_n()
    {
        var ct = TestContext.Current.CancellationToken;
        var trends = await Get<ComputeTrend>().ForEditionAsync("2019", cancellationToken: ct);

        var openData = trends["open_data_portal"];
        Assert.Equal(["2012", "2017", "2019"], openData.Select(p => p.Edition)); // 2017 asked it without a printed figure
        var one = await Get<ComputeTrend>().ExecuteAsync("open_data_portal", cancellationToken: ct);
        Assert.Equal(one.Select(p => (p.Edition, p.Respondents, ((ShareIndicator)p.Indicator).Numerator)), openData.Select(p => (p.Edition, p.Respondents, ((ShareIndicator)p.Indicator).Numerator)));
        Assert.DoesNotContain("ss_strategy", trends.Keys); // a 2017 indicator only
        Assert.All(trends.Values, points => Assert.True(points.Count > 1));
    }
}
