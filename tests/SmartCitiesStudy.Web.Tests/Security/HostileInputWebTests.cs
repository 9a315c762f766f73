using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Imports;
using SmartCitiesStudy.Application.Features.Responses;
using SmartCitiesStudy.Application.Features.Review;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Security;

/// <summary>
/// Hostile text stored through the use cases comes back as text: encoded in the pages, neutralised in the CSV and
/// XLSX downloads. Malformed API requests answer 4xx, never 500.
/// </summary>
public sealed class HostileInputWebTests(StudyWebApp app) : IClassFixture<StudyWebApp>
{
    private const string Script = "<script>alert(1)</script><img src=x onerror=alert(1)>";
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"click\")";

    [Fact]
    public async Task Script_in_an_answer_and_a_comment_is_shown_as_text_on_the_print_view_and_the_review_page()
    {
        var ct = TestContext.Current.CancellationToken;
        var (ane, responseId) = await BilbaoOfficerAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<SaveAnswer>().ExecuteAsync(ane, responseId, "ss_priority_sectors", AnswerValue.OfText(Script), await AnswerVersionAsync(responseId, "ss_priority_sectors"), ct);
            Assert.Null(saved.Refusal);
            var commented = await scope.ServiceProvider.GetRequiredService<ResponseComments>().AddAsync(ane, responseId, "ss_priority_sectors", null, Script, isInternal: false, ct);
            Assert.True(commented.Succeeded, commented.Error);

            // A good practice whose title is the script.
            var save = scope.ServiceProvider.GetRequiredService<SaveAnswer>();
            var group = await save.ExecuteAsync(ane, responseId, "good_practices", AnswerValue.OfItems(["evil0001"]), await AnswerVersionAsync(responseId, "good_practices"), ct);
            Assert.Null(group.Refusal);
            Assert.Empty(group.Problems);
            var title = await save.ExecuteAsync(ane, responseId, AnswerPath.Field("good_practices", "evil0001", "title"), AnswerValue.OfText(Script), 0, ct);
            Assert.Empty(title.Problems);
            Assert.Null(title.Refusal);
        }

        using var officer = app.CreateBrowserClient();
        await FormPost.SignInAsync(officer, "ane.officer@bilbao.demo.smartcities.local", DemoAccounts.Password);
        var print = await officer.GetStringAsync(new Uri("/portal/editions/2026/response/print", UriKind.Relative), ct);
        AssertEncoded(print);
        Assert.True(print.Split("&lt;script&gt;alert(1)&lt;/script&gt;").Length >= 3, "The answer and the good practice's title should both show, as text");

        using var reviewer = app.CreateBrowserClient();
        await FormPost.SignInAsync(reviewer, "reviewer@demo.smartcities.local", DemoAccounts.Password);
        var review = await reviewer.GetStringAsync(new Uri($"/portal/review/{responseId}", UriKind.Relative), ct);
        Assert.DoesNotContain(Script, review, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", review, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Formulas_and_script_in_imported_cities_and_answers_are_neutralised_in_the_csv_and_xlsx_downloads()
    {
        var ct = TestContext.Current.CancellationToken;
        var csv = "city,country,region,population,status,ss_strategy,ss_priority_sectors\n"
            + $"\"{Formula.Replace("\"", "\"\"", StringComparison.Ordinal)}\",@SUM(A1),Europe,1000,approved,yes,\"{Script}\"\n"
            + "Tabtown,\"\t=1+1\",Europe,2000,approved,yes,\"-2+3+cmd|' /C calc'!A0\"\n";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var imported = await scope.ServiceProvider.GetRequiredService<ImportResponses>().ExecuteAsync(Encoding.UTF8.GetBytes(csv), "2026", dryRun: false, replace: false, StudyUser.System, ct);
            Assert.True(imported.Succeeded, string.Join("; ", imported.Problems));
        }

        using var secretariat = app.CreateBrowserClient();
        await FormPost.SignInAsync(secretariat, "secretariat@demo.smartcities.local", DemoAccounts.Password);
        using var download = await secretariat.GetAsync(new Uri("/api/v1/editions/2026/responses.csv", UriKind.Relative), ct);
        var text = await download.Content.ReadAsStringAsync(ct);

        // The CSV carries texts verbatim, script included: it is an attachment that browsers must not sniff as HTML.
        Assert.StartsWith("text/csv", download.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"", text, StringComparison.Ordinal);
        Assert.Contains("'@SUM(A1)", text, StringComparison.Ordinal);
        Assert.Contains("Tabtown,'=1+1,", text, StringComparison.Ordinal); // the import trims the tab
        Assert.Contains("'-2+3+cmd", text, StringComparison.Ordinal);
        foreach (var cell in text.Split("\r\n").Skip(1).SelectMany(line => line.Split(',')).Select(c => c.TrimStart('"')))
        {
            Assert.False(cell.Length > 0 && "=+@\t\r".Contains(cell[0], StringComparison.Ordinal), $"Formula-like cell in the CSV: {cell}");
        }

        var bytes = await secretariat.GetByteArrayAsync(new Uri("/api/v1/editions/2026/responses.xlsx", UriKind.Relative), ct);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var sheet = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()).Single();
        Assert.Contains("'=HYPERLINK(", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain(">=HYPERLINK(", sheet, StringComparison.Ordinal);
        Assert.Contains("'@SUM(A1)", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", sheet, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", sheet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/editions/abc%2500/indicators")]
    [InlineData("/api/v1/editions/%FF%FE/indicators")]
    [InlineData("/api/v1/editions/..%2F..%2Fetc%2Fpasswd/indicators")]
    [InlineData("/api/v1/editions/'%20OR%201=1--/responses.csv")]
    [InlineData("/api/v1/editions/%E2%80%AE2017/responses.xlsx")]
    [InlineData("/api/v1/indicators/%3Cscript%3E/trend")]
    [InlineData("/portal/review/99999999999999999999")]
    [InlineData("/portal/review/-1")]
    [InlineData("/culture?lang=es&returnUrl=//evil.example")]
    [InlineData("/culture?lang=es&returnUrl=/\\evil.example")]
    public async Task Malformed_requests_answer_4xx_or_a_local_redirect_never_500(string path)
    {
        using var client = app.CreateBrowserClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode is >= 300 and < 500, $"{path} answered {(int)response.StatusCode}");
        if (response.Headers.Location is { } location)
        {
            Assert.False(location.IsAbsoluteUri && location.Host != "localhost", $"{path} redirected off-site to {location}");
        }
    }

    [Theory]
    [InlineData(300)]
    [InlineData(5000)]
    public async Task Very_long_edition_codes_and_indicator_ids_answer_404(int length)
    {
        var code = new string('9', length);
        using var client = app.CreateBrowserClient();
        foreach (var path in new[] { $"/api/v1/editions/{code}/indicators", $"/api/v1/editions/{code}/responses.csv", $"/api/v1/indicators/{code}/trend" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_form_post_without_its_token_is_400_in_production_too()
    {
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" });
        using var response = await client.PostAsync(new Uri("/Account/Logout", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public static TheoryData<string, string> WrongAnswers { get; } = new()
    {
        { "ss_priority_sectors", "text:100000" },
        { "ss_priority_sectors", "number" },
        { "ss_strategy", "number" },
        { "ss_strategy", "text:yes" },
        { "university_share_25_30", "text:thirty" },
        { "university_share_25_30", "codes:1" },
        { "investment_factors", "codes:no_such_option" },
        { "investment_factors", "text:quality_of_life" },
        { "no_such_question", "text:x" },
        { "../ss_strategy", "text:yes" },
        { "ss_strategy/0/x", "text:yes" },
        { "", "text:x" },
    };

    [Theory]
    [MemberData(nameof(WrongAnswers))]
    public async Task Over_long_and_wrongly_typed_answers_are_refused_and_nothing_is_stored(string path, string value)
    {
        var ct = TestContext.Current.CancellationToken;
        var (ane, responseId) = await BilbaoOfficerAsync();
        var answer = value.Split(':') switch
        {
            ["number"] => AnswerValue.OfNumber(12.5m),
            ["text", var length] when int.TryParse(length, System.Globalization.CultureInfo.InvariantCulture, out var n) => AnswerValue.OfText(new string('x', n)),
            ["text", var text] => AnswerValue.OfText(text),
            [_, var code] => AnswerValue.OfChoices([code]),
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        };
        int Changes(StudyDbContext db) => db.AnswerChanges.Count(c => c.ResponseId == responseId);
        int before;
        await using (var db = app.Database.CreateContext())
        {
            before = Changes(db);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SaveAnswer>().ExecuteAsync(ane, responseId, path, answer, 0, ct);
        Assert.NotEqual(SaveAnswerOutcome.Saved, result.Outcome);
        Assert.True(result.Problems.Count > 0 || result.Refusal is not null, $"{path} = {value}: refused without a reason");
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(before, Changes(db));
        }
    }

    [Fact]
    public async Task A_form_with_too_many_fields_is_400_in_production()
    {
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var content = new FormUrlEncodedContent(Enumerable.Range(0, 2000).Select(i => KeyValuePair.Create($"f{i}", "x")));
        using var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static void AssertEncoded(string html)
    {
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    private async Task<(StudyUser User, int ResponseId)> BilbaoOfficerAsync()
    {
        _ = app.Services;
        await using var db = app.Database.CreateContext();
        var account = await db.Users.SingleAsync(u => u.Email == "ane.officer@bilbao.demo.smartcities.local");
        var edition = await db.Editions.SingleAsync(e => e.Code == "2026");
        var responseId = await db.Responses.Where(r => r.EditionId == edition.Id && r.CityId == account.CityId).Select(r => r.Id).SingleAsync();
        return (new StudyUser(account.Id, account.DisplayName, account.CityId, new HashSet<string> { StudyRoles.CityOfficer }), responseId);
    }

    private async Task<int> AnswerVersionAsync(int responseId, string path)
    {
        await using var db = app.Database.CreateContext();
        return await db.Answers.Where(a => a.ResponseId == responseId && a.Path == path).Select(a => a.Version).SingleOrDefaultAsync();
    }
}
