using System.Net;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.People;

public sealed class DashboardCsvEndpointTests(PeopleWebApp app) : IClassFixture<PeopleWebApp>
{
    [Fact]
    public async Task Reviewers_download_the_dashboard_as_csv_and_officers_are_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var reviewer = app.CreateBrowserClient();
        await FormPost.SignInAsync(reviewer, "reviewer@demo.smartcities.local", DemoAccounts.Password);
        using var csv = await reviewer.GetAsync(new Uri("/portal/editions/2026/dashboard.csv?region=Europe", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync(ct);
        Assert.StartsWith("edition,city,country,region", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("2026,Bilbao,Spain,Europe,", text, StringComparison.Ordinal);
        // Two demo officers in Bilbao, whose 2026 draft the demo data has partly answered.
        var bilbao = text.Split('\n').Single(l => l.StartsWith("2026,Bilbao,", StringComparison.Ordinal));
        Assert.Contains(",yes,2,", bilbao, StringComparison.Ordinal);
        Assert.Contains(",draft,", bilbao, StringComparison.Ordinal);
        Assert.DoesNotContain("Quito", text, StringComparison.Ordinal);

        var page = await reviewer.GetStringAsync(new Uri("/portal/editions/2026/dashboard", UriKind.Relative), ct);
        Assert.Contains("Progress of edition 2026", page, StringComparison.Ordinal);

        using var officer = app.CreateBrowserClient();
        await FormPost.SignInAsync(officer, "rita.officer@porto.demo.smartcities.local", DemoAccounts.Password);
        using var denied = await officer.GetAsync(new Uri("/portal/editions/2026/dashboard.csv", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
