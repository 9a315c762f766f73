using System.Globalization;
using System.Text.RegularExpressions;
using SmartCitiesStudy.Application.Features.Reports;
using UglyToad.PdfPig;

namespace SmartCitiesStudy.Infrastructure.Reports;

/// <summary>
/// Reads back the first pass of the two-pass contents: on which page each section marker
/// (<see cref="ReportHtmlOptions.MarkerPrefix"/>{number}X) is printed. Chromium has no target-counter().
/// </summary>
public sealed partial class PdfPigSectionPages : ISectionPageFinder
{
    public IReadOnlyDictionary<int, int> Find(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var pages = new Dictionary<int, int>();
        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            foreach (Match match in Marker().Matches(page.Text))
            {
                pages.TryAdd(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), page.Number);
            }
        }

        return pages;
    }

    [GeneratedRegex(ReportHtmlOptions.MarkerPrefix + "([0-9]+)X")]
    private static partial Regex Marker();
}
