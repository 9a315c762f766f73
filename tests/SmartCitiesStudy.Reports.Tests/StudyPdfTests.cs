using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Domain.Reports;
using UglyToad.PdfPig;

namespace SmartCitiesStudy.Reports.Tests;

[Collection(ReportsSharingChromium.Name)]
public sealed class StudyPdfTests(ReportFixture fixture)
{
    [Fact]
    public async Task The_2017_study_reads_like_the_published_study()
    {
        var pdf = await fixture.PdfAsync(ReportRequest.Study("2017", "en"));
        var pages = PdfText.Pages(pdf);
        Assert.InRange(pages.Count, 20, 60);

        var text = string.Join('\n', pages);
        Assert.Contains("75% of the participating cities — 15 out of 20 — have a local smart specialisation strategy.", text, StringComparison.Ordinal);
        Assert.Contains("17 out of 20", text, StringComparison.Ordinal);
        foreach (var heading in new[] { "Contents", "Foreword", "2.3 Methodology", "2.4 Participating cities", "3.2 Knowledge and talent", "Good practices", "5 Conclusions", "Annex: the questionnaire" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        Assert.Contains("The study does not rank cities.", text, StringComparison.Ordinal);
        Assert.Contains(pages, p => p.Contains("Ruta N Capital", StringComparison.Ordinal));

        // The edition's facts: who published it and how its data were really collected (not the portal's questionnaire).
        Assert.Contains("Published by", text, StringComparison.Ordinal);
        Assert.Contains("Committee of Digital and Knowledge-Based Cities of UCLG", text, StringComparison.Ordinal);
        Assert.Contains("in electronic form", text, StringComparison.Ordinal); // the edition's methodology text (else its facts')
        Assert.DoesNotContain("online questionnaire", text, StringComparison.Ordinal);
        Assert.DoesNotContain("is a reconstruction", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_2012_study_says_its_questionnaire_is_a_reconstruction_and_who_published_it()
    {
        var text = PdfText.All(await fixture.PdfAsync(ReportRequest.Study("2012", "en")));
        Assert.Contains("The questionnaire below is a reconstruction", text, StringComparison.Ordinal);
        Assert.Contains("Committee of Digital and Knowledge-Based Cities of UCLG", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accented_city_names_extract_as_typed()
    {
        var text = PdfText.All(await fixture.PdfAsync(ReportRequest.Study("2017", "en")));
        Assert.Contains("Liège", text, StringComparison.Ordinal);
        Assert.Contains("São Paulo", text, StringComparison.Ordinal);
        Assert.Contains("Medellín", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_contents_give_the_page_of_each_section_and_the_document_has_its_title_and_language()
    {
        var pdf = await fixture.PdfAsync(ReportRequest.Study("2017", "en"));
        var pages = PdfText.Pages(pdf);
        var contents = pages[1];
        Assert.StartsWith("Smart Cities Study 2017 — Economy Contents", contents, StringComparison.Ordinal);

        // "2.4 Participating cities 7": the section starts on the page the contents say.
        foreach (var (section, heading) in new[] { ("2.4 Participating cities", "2.4 Participating cities"), ("3.2 Knowledge and talent", "3.2 Knowledge and talent"), ("4.1 Barriers", "4.1 Barriers"), ("Conclusions", "5 Conclusions") })
        {
            var match = System.Text.RegularExpressions.Regex.Match(contents, System.Text.RegularExpressions.Regex.Escape(section) + @" (\d+)");
            Assert.True(match.Success, contents);
            var page = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(heading, pages[page - 1], StringComparison.Ordinal);
        }

        using var document = PdfDocument.Open(pdf);
        Assert.Equal("Smart Cities Study 2017 — Economy", document.Information.Title);
        Assert.True(document.TryGetBookmarks(out var bookmarks), "The PDF has no outline.");
        Assert.Contains(bookmarks.GetNodes(), b => b.Title.Contains("Participating cities", StringComparison.Ordinal));
        Assert.Matches(@"\d+ / \d+", pages[2]);
    }

    [Fact]
    public async Task Every_font_is_embedded()
    {
        var fonts = PdfText.Fonts(await fixture.PdfAsync(ReportRequest.Study("2017", "en")));
        Assert.NotEmpty(fonts);
        Assert.All(fonts, line => Assert.Contains(" yes ", line, StringComparison.Ordinal));
        Assert.All(fonts, line => Assert.StartsWith("yes", line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("es", "Metodología", "Ciudades participantes", "El 75 % de las ciudades participantes — 15 de 20 —")]
    [InlineData("fr", "Méthodologie", "Villes participantes", "75 % des villes participantes — 15 sur 20 —")]
    public async Task Spanish_and_french_studies_are_translated(string language, string methodology, string cities, string sentence)
    {
        var text = PdfText.All(await fixture.PdfAsync(ReportRequest.Study("2017", language)));
        Assert.Contains(methodology, text, StringComparison.Ordinal);
        Assert.Contains(cities, text, StringComparison.Ordinal);
        Assert.Contains(sentence, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Participating cities", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_factsheet_shows_the_city_next_to_the_study_and_nothing_of_another_city()
    {
        var porto = PdfText.All(await fixture.PdfAsync(ReportRequest.Factsheet("2017", "porto", "en")));
        Assert.Contains("Porto", porto, StringComparison.Ordinal);
        Assert.Contains("Porto Innovation Hub", porto, StringComparison.Ordinal);
        Assert.Contains("like 15 of 20 cities", porto, StringComparison.Ordinal);
        Assert.DoesNotContain("iBilbao", porto, StringComparison.Ordinal);
        Assert.DoesNotContain("Bilbao", porto, StringComparison.Ordinal);
        Assert.DoesNotContain("Ruta N", porto, StringComparison.Ordinal);
        Assert.DoesNotContain("rank", porto.Replace("does not rank cities", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

        var bilbao = PdfText.All(await fixture.PdfAsync(ReportRequest.Factsheet("2017", "bilbao", "en")));
        Assert.Contains("iBilbao 2020", bilbao, StringComparison.Ordinal);
        Assert.DoesNotContain("Porto Innovation Hub", bilbao, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_city_without_an_approved_response_has_no_factsheet() =>
        Assert.Null(await fixture.Reports.RenderAsync(ReportRequest.Factsheet("2017", "no-such-city", "en"), PdfPrintOptions.Default, TestContext.Current.CancellationToken));

    [Fact]
    public async Task Concurrent_requests_for_the_same_published_pdf_render_it_once_and_store_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = ReportRequest.Factsheet("2017", "liege", "fr");
        var before = fixture.Reports.RenderCount;
        var files = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => fixture.Reports.GetAsync(request, cancellationToken: ct)));
        Assert.Equal(1, fixture.Reports.RenderCount - before);
        Assert.All(files, f => Assert.Equal(files[0]!.ETag, f!.ETag));
        Assert.Equal("smart-cities-study-2017-liege-fr.pdf", files[0]!.FileName);

        // Served from the database afterwards, and marked ready.
        var again = await fixture.Reports.GetAsync(request, cancellationToken: ct);
        Assert.Equal(1, fixture.Reports.RenderCount - before);
        Assert.Equal(files[0]!.ETag, again!.ETag);
        Assert.Equal(ReportState.Ready, await fixture.Reports.StateAsync(request, ct));
        await using var db = await fixture.Services.GetRequiredService<IStudyDbContextFactory>().CreateAsync(ct);
        Assert.Equal(1, await db.GeneratedReports.CountAsync(r => r.Kind == ReportKind.Factsheet && r.CitySlug == "liege", ct));
    }

    [Fact]
    public async Task A_stored_pdf_is_rendered_again_when_the_approved_answers_change()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = ReportRequest.Factsheet("2017", "quito", "en");
        var before = fixture.Reports.RenderCount;
        await fixture.Reports.GetAsync(request, cancellationToken: ct);
        await fixture.Reports.GetAsync(request, cancellationToken: ct);
        Assert.Equal(1, fixture.Reports.RenderCount - before);

        // A reviewer's correction changes an answer's version: the fingerprint no longer matches.
        await using (var db = await fixture.Services.GetRequiredService<IStudyDbContextFactory>().CreateAsync(ct))
        {
            var responseId = await (
                from r in db.Responses
                join c in db.Cities on r.CityId equals c.Id
                join e in db.Editions on r.EditionId equals e.Id
                where c.Slug == "quito" && e.Code == "2017"
                select r.Id).SingleAsync(ct);
            var answer = await db.Answers.FirstAsync(a => a.ResponseId == responseId, ct);
            answer.Version++;
            await db.SaveChangesAsync(ct);
        }

        Assert.Equal(ReportState.Missing, await fixture.Reports.StateAsync(request, ct));
        await fixture.Reports.GetAsync(request, cancellationToken: ct);
        Assert.Equal(2, fixture.Reports.RenderCount - before);
    }
}
