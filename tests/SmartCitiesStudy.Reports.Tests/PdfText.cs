using System.Diagnostics;
using System.Text;
using UglyToad.PdfPig;

namespace SmartCitiesStudy.Reports.Tests;

/// <summary>Reads a PDF back: text per page (NFKC, spaces collapsed) with PdfPig, fonts with poppler's pdffonts.</summary>
internal static class PdfText
{
    /// <summary>Each page's text in reading order (poppler's pdftotext; PdfPig gives content-stream order).</summary>
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        var text = Run("pdftotext", pdf, "-enc", "UTF-8", "{pdf}", "-");
        var pages = text.Split('\f').Select(Normalize).ToList();
        using var document = PdfDocument.Open(pdf);
        return pages.Take(document.NumberOfPages).ToList();
    }

    public static string All(byte[] pdf) => string.Join('\n', Pages(pdf));

    public static string Normalize(string text) =>
        string.Join(' ', text.Normalize(NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The lines of <c>pdffonts</c> for the PDF (after its two header lines).</summary>
    public static IReadOnlyList<string> Fonts(byte[] pdf) =>
        [.. Run("pdffonts", pdf, "{pdf}").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)];

    private static string Run(string tool, byte[] pdf, params string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"scs-report-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool, arguments.Select(a => a == "{pdf}" ? path : a)) { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
