using System.Net;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.People;

public sealed class SecretariatPagesTests(PeopleWebApp app) : IClassFixture<PeopleWebApp>
{
    [Theory]
    [InlineData("/portal/people", "Ane Officer (Bilbao)")]
    [InlineData("/portal/cities", "Lappeenranta")]
    [InlineData("/portal/editions/2017/dashboard", "São Paulo")]
    [InlineData("/portal/editions/2017/dashboard", "id=\"chart-timeline\"")]
    [InlineData("/portal/editions/2017/dashboard", "id=\"chart-bands\"")]
    [InlineData("/portal/editions/2026/call", "Call for participation in 2026")]
    [InlineData("/portal/editions/2026/requests", "Requests to take part in 2026")]
    public async Task The_secretariat_pages_render_with_their_data(string url, string expected)
    {
        using var client = app.CreateBrowserClient();
        await FormPost.SignInAsync(client, "secretariat@demo.smartcities.local", DemoAccounts.Password);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains(expected, html, StringComparison.Ordinal);
    }
}
