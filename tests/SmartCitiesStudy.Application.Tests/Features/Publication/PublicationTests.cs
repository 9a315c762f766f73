using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Application.Tests.Features.Indicators;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Infrastructure.Seeding;

namespace SmartCitiesStudy.Application.Tests.Features.Publication;

public sealed class PublicationTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private T Get<T>() where T : notnull => demo.Services.GetRequiredService<T>();

    [Fact]
    public async Task Participants_are_the_cities_the_indicators_count_with_their_band()
    {
        var ct = TestContext.Current.CancellationToken;
        var participants = await Get<ListParticipants>().ExecuteAsync("2017", ct);
        var document = await Get<ComputeIndicators>().ExecuteAsync("2017", ct);

        Assert.Equal(document!.Respondents, participants.Count);
        Assert.Equal(20, participants.Count);
        var liege = Assert.Single(participants, p => p.Name == "Liège");
        Assert.Equal("liege", liege.Slug);
        Assert.Equal(Region.Europe, liege.Region);
        Assert.NotNull(liege.Band);
        Assert.Empty(await Get<ListParticipants>().ExecuteAsync("no-such-edition", ct));
    }

    [Fact]
    public async Task Good_practices_of_2017_are_listed_with_their_city_and_found_by_id()
    {
        var ct = TestContext.Current.CancellationToken;
        var practices = await Get<ListGoodPractices>().ExecuteAsync("2017", ct);

        Assert.Equal(DemoGoodPractices.For2017.Count, practices.Count);
        var bilbao = Assert.Single(practices, p => p.City.Name == "Bilbao");
        Assert.Equal("2017-bilbao-ibilbao2020", bilbao.Id);
        Assert.Equal("innovation", bilbao.Field);
        Assert.StartsWith("Innovation and Smart Specialisation Strategy", bilbao.Title, StringComparison.Ordinal);
        Assert.Equal(bilbao, await Get<ListGoodPractices>().FindAsync(bilbao.Id, ct));
        Assert.Null(await Get<ListGoodPractices>().FindAsync("2017-bilbao-nothing", ct));
        Assert.Null(await Get<ListGoodPractices>().FindAsync("garbage", ct));
    }
}
