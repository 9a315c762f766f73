using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Domain.Reports;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Cli.Tests;

public sealed class EditionPublicationCommandTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?> configuration, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await StudyCli.RunAsync(args, output, error, configuration);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string TempFile(string name, string content)
    {
        var path = Path.Combine(Path.GetTempPath(), "scs-" + Guid.NewGuid().ToString("N") + "-" + name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Attach_publication_stores_a_pdf_and_refuses_anything_else_in_one_line()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var pdf = TempFile("study-2017.pdf", "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
        var notPdf = TempFile("study-2017.docx", "PK\u0003\u0004 a word document");

        var run = await RunAsync(database.ConfigurationValues, "edition", "attach-publication", "--edition", "2017", "--lang", "en", "--file", pdf);
        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
        Assert.Equal($"Attached {Path.GetFileName(pdf)} (0 KiB) as the original en publication of edition 2017.", run.Output.Trim());

        var refused = await RunAsync(database.ConfigurationValues, "edition", "attach-publication", "--edition", "2017", "--lang", "es", "--file", notPdf);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal($"error: {Path.GetFileName(notPdf)}: The file is not a PDF: it does not start with the PDF signature %PDF-. Nothing was stored.", refused.Error.Trim());

        var missing = await RunAsync(database.ConfigurationValues, "edition", "attach-publication", "--edition", "2017", "--lang", "es");
        Assert.Equal(2, missing.ExitCode);

        await using var db = database.CreateContext();
        Assert.Equal(["en"], await db.GeneratedReports.Where(r => r.Kind == ReportKind.Original).Select(r => r.Language).ToListAsync(ct));
    }
}
