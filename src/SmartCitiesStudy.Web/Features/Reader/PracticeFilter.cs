using System.Globalization;
using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Web.Features.Reader;

/// <summary>
/// The good-practice catalogue's search (<c>?q=</c>, words anywhere in the title, texts or city, accents and case
/// ignored, "wifi" finds "Wi-Fi") and filters (<c>field</c>, <c>region</c>, <c>band</c>, <c>city</c>), as a plain GET form.
/// </summary>
public sealed record PracticeFilter(string? Q, string? Field, string? Region, string? Band, string? City)
{
    private static CompareInfo Compare => CultureInfo.InvariantCulture.CompareInfo;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Q) && string.IsNullOrEmpty(Field) && string.IsNullOrEmpty(Region)
                           && string.IsNullOrEmpty(Band) && string.IsNullOrEmpty(City);

    public IReadOnlyList<GoodPractice> Apply(IEnumerable<GoodPractice> practices)
    {
        var words = (Q ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. practices.Where(p =>
            (string.IsNullOrEmpty(Field) || p.Field == Field)
            && (string.IsNullOrEmpty(Region) || string.Equals(p.City.Region.ToString(), Region, StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrEmpty(Band) || (p.City.Band is { } band && band.Code() == Band))
            && (string.IsNullOrEmpty(City) || p.City.Slug == City)
            && words.All(w => Searchable(p).Any(text => Compare.IndexOf(text, w, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreSymbols) >= 0)))];
    }

    private static IEnumerable<string> Searchable(GoodPractice p) =>
        new[] { p.Title, p.Description, p.KeySuccessFactors, p.Results, p.City.Name, p.City.Country }.OfType<string>();
}
