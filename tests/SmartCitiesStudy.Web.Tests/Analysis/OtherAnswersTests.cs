using System.Net;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Analysis;

/// <summary>
/// What a city typed for "other" is listed for the secretariat and reviewers in the portal, and never reaches the
/// public: not the reader pages, the open-data API or the public exports.
/// </summary>
public sealed class OtherAnswersTests(StudyWebApp app) : IClassFixture<StudyWebApp>
{
    private const string Typed = "Fibre stops at the ring road";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One approved 2017 city names "other" among its digital barriers, with its own words; returns the city.</summary>
    private async Task<(string Name, string Slug)> TypeOtherAsync()
    {
        using (app.CreateClient())
        {
            // starts the app: migrated and demo-seeded
        }

        await using var db = app.Database.CreateContext();
        var response = await (
                from e in db.Editions
                where e.Code == "2017"
                join r in db.Responses on e.Id equals r.EditionId
                where r.Status == ResponseStatus.Approved
                join c in db.Cities on r.CityId equals c.Id
                orderby c.Name
                select new { r.Id, c.Name, c.Slug, e.QuestionnaireVersion })
            .FirstAsync(Ct);
        var answer = await db.Answers.SingleOrDefaultAsync(a => a.ResponseId == response.Id && a.Path == "digital_barriers", Ct);
        var value = AnswerValue.OfChoices([.. answer?.Value.Codes?.Where(c => c != "other") ?? [], "other"], Typed);
        if (answer is null)
        {
            db.Answers.Add(new Answer(response.Id, "digital_barriers", value, response.QuestionnaireVersion, DateTimeOffset.UtcNow, null));
        }
        else
        {
            answer.Change(value, response.QuestionnaireVersion, DateTimeOffset.UtcNow, null);
        }

        await db.SaveChangesAsync(Ct);
        return (response.Name, response.Slug);
    }

    private static async Task<string> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_secretariat_and_reviewers_read_other_texts_with_the_city_and_nobody_else_does()
    {
        var (city, slug) = await TypeOtherAsync();

        foreach (var email in new[] { "secretariat@demo.smartcities.local", "reviewer@demo.smartcities.local" })
        {
            using var staff = app.CreateBrowserClient();
            await FormPost.SignInAsync(staff, email, DemoAccounts.Password);
            var page = await GetAsync(staff, "/portal/editions/2017/other-answers");
            Assert.Contains("“Other” answers of edition 2017", page, StringComparison.Ordinal);
            var section = page[page.IndexOf("id=\"other-digital_barriers\"", StringComparison.Ordinal)..];
            section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
            Assert.Contains(city, section, StringComparison.Ordinal);
            Assert.Contains(Typed, section, StringComparison.Ordinal);

            var csv = await GetAsync(staff, "/api/v1/editions/2017/responses.csv");
            Assert.Contains("digital_barriers_other", csv, StringComparison.Ordinal);
            Assert.Contains(Typed, csv, StringComparison.Ordinal);
        }

        using var anonymous = app.CreateBrowserClient();
        using (var login = await anonymous.GetAsync(new Uri("/portal/editions/2017/other-answers", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.Contains("/Account/Login", login.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        using var officer = app.CreateBrowserClient();
        await FormPost.SignInAsync(officer, "rita.officer@porto.demo.smartcities.local", DemoAccounts.Password);
        using (var denied = await officer.GetAsync(new Uri("/portal/editions/2017/other-answers", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Contains("/Account/AccessDenied", denied.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        foreach (var client in new[] { anonymous, officer })
        {
            foreach (var url in new[]
            {
                "/editions/2017/indicators", "/editions/2017/indicators?breakdown=band", "/editions/2017/conclusions", "/factors",
                $"/cities/{slug}", "/api/v1/editions/2017/indicators", "/api/v1/factors", "/api/v1/editions/2017/responses.csv",
            })
            {
                var body = await GetAsync(client, url);
                Assert.False(body.Contains(Typed, StringComparison.Ordinal), $"{url} shows a city's \"other\" text");
                Assert.DoesNotContain("digital_barriers_other", body, StringComparison.Ordinal);
            }
        }
    }
}
