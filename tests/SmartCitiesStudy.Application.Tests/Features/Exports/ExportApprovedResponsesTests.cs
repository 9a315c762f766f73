using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Exports;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Exports;

public sealed class ExportApprovedResponsesTests
{
    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1 555", "'+1 555")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("Bilbao", "Bilbao")]
    [InlineData(null, null)]
    public void Text_that_would_become_a_formula_is_neutralised_numbers_are_not(string? cell, string? expected) =>
        Assert.Equal(expected, SafeCells.Neutralise(cell));

    [Fact]
    public async Task The_2017_export_has_one_row_per_approved_city_with_the_published_codes_and_no_formula()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(ct);
        }

        // A hostile text in an approved answer.
        await using (var db = database.CreateContext())
        {
            var edition = await db.Editions.SingleAsync(e => e.Code == "2017", ct);
            var bilbao = await db.Cities.SingleAsync(c => c.Slug == "bilbao", ct);
            var response = await db.Responses.SingleAsync(r => r.EditionId == edition.Id && r.CityId == bilbao.Id, ct);
            var answer = await db.Answers.SingleOrDefaultAsync(a => a.ResponseId == response.Id && a.Path == "ss_priority_sectors", ct);
            if (answer is null)
            {
                db.Answers.Add(new Answer(response.Id, "ss_priority_sectors", AnswerValue.OfText("=HYPERLINK(\"http://evil\",\"x\"), KIBS"), 1, DateTimeOffset.UtcNow, null));
            }
            else
            {
                answer.Change(AnswerValue.OfText("=HYPERLINK(\"http://evil\",\"x\"), KIBS"), 1, DateTimeOffset.UtcNow, null);
            }

            await db.SaveChangesAsync(ct);
        }

        var table = await services.GetRequiredService<ExportApprovedResponses>().ExecuteAsync("2017", includeOtherTexts: true, ct);
        using var stream = new MemoryStream();
        await ResponseTableCsv.WriteAsync(table!, stream, ct);
        var lines = Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(21, lines.Length); // header + 20 approved cities
        Assert.StartsWith("city,country,region,population,band,ss_strategy,", lines[0], StringComparison.Ordinal);
        Assert.Contains("investment_factors,investment_factors_other", lines[0], StringComparison.Ordinal);
        var bilbaoLine = lines.Single(l => l.StartsWith("Bilbao,Spain,Europe,345100,100k-1m,", StringComparison.Ordinal));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\"), KIBS\"", bilbaoLine, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("São Paulo,Brazil,America,", StringComparison.Ordinal));
        Assert.Equal(15, lines.Skip(1).Count(l => l.Split(',')[5] == "yes")); // ss_strategy: 15 of 20

        // The same table as a workbook, read back by an independent XLSX reader.
        var again = await services.GetRequiredService<ExportApprovedResponses>().ExecuteAsync("2017", ct);
        using var workbook = new MemoryStream();
        await ResponseTableXlsx.WriteAsync(again!, workbook, "Smart Cities Study 2017", ct);
        workbook.Position = 0;
        var rows = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(20, rows.Count);
        Assert.Equal(again!.Columns, rows[0].Keys);
        var bilbaoRow = rows.Single(r => (string?)r["city"] == "Bilbao");
        Assert.Equal(345100d, Convert.ToDouble(bilbaoRow["population"], System.Globalization.CultureInfo.InvariantCulture)); // a number, not text
        Assert.Equal("'=HYPERLINK(\"http://evil\",\"x\"), KIBS", bilbaoRow["ss_priority_sectors"]);
        Assert.Contains(rows, r => (string?)r["city"] == "São Paulo");
        Assert.Equal(15, rows.Count(r => (string?)r["ss_strategy"] == "yes"));

        // The public table: the same rows without what cities typed for "other" (ADR 0026).
        Assert.DoesNotContain(again.Columns, c => c.EndsWith("_other", StringComparison.Ordinal));
        Assert.Equal(table!.Columns.Where(c => !c.EndsWith("_other", StringComparison.Ordinal)), again.Columns);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Spreadsheet_columns_are_named_as_excel_names_them(int index, string name) =>
        Assert.Equal(name, ResponseTableXlsx.ColumnName(index));
}
