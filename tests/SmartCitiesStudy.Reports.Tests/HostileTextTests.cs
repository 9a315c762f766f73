using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Reports;

namespace SmartCitiesStudy.Reports.Tests;

/// <summary>
/// Script typed into an answer reaches the PDF as the characters typed: it never runs in the Chromium that prints it
/// (it would replace the page) and never becomes markup. A database of its own, since it changes an answer.
/// </summary>
public sealed class HostileTextTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private const string Payload = "iBilbao <script>document.body.innerHTML='PWNED'</script><img src=x onerror=\"document.body.innerHTML='PWNED'\"> & <b>bold</b>";

    [Fact]
    public async Task Script_and_markup_in_an_answer_are_printed_as_text_in_the_factsheet()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var db = await fixture.Services.GetRequiredService<IStudyDbContextFactory>().CreateAsync(ct))
        {
            var answers = await db.Answers.AsNoTracking().Where(a => a.ValueJson.Contains("(iBilbao 2020)")).ToListAsync(ct);
            Assert.NotEmpty(answers);
            var escaped = JsonSerializer.Serialize(Payload)[1..^1];
            foreach (var answer in answers)
            {
                var json = answer.ValueJson.Replace("iBilbao 2020", escaped, StringComparison.Ordinal);
                await db.Answers.Where(a => a.Id == answer.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ValueJson, json), ct);
            }
        }

        var pdf = await fixture.Reports.RenderAsync(ReportRequest.Factsheet("2017", "bilbao", "en"), PdfPrintOptions.Default, ct);
        var text = PdfText.All(pdf!);
        Assert.DoesNotContain("PWNED", text.Replace("innerHTML='PWNED'", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<script>document.body.innerHTML='PWNED'</script>", text, StringComparison.Ordinal);
        Assert.Contains("<b>bold</b>", text, StringComparison.Ordinal);
        Assert.Contains("Bilbao", text, StringComparison.Ordinal);
    }
}
