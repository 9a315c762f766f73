using System.Globalization;
using System.Text.RegularExpressions;
using SmartCitiesStudy.Application.Features.Archive;
using SmartCitiesStudy.Domain.Archive;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Infrastructure.Archive;

namespace SmartCitiesStudy.Application.Tests.Features.Archive;

/// <summary>
/// The 2017 record shipped for <c>db migrate</c> (Infrastructure/Archive/2017.json) says exactly what
/// docs/data/study-2017-indicators.md (from ../shared/data) says the publication printed: every figure, every city
/// in its band and region, and nothing else.
/// </summary>
public sealed partial class PublishedRecord2017Tests
{
    private static readonly PublishedStudy Study = PublishedStudyJson.Parse(ShippedPublications.Read("2017")!);

    private static readonly string Markdown = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Archive", "study-2017-indicators.md"));

    [Fact]
    public void Every_yes_no_figure_is_the_printed_x_of_20_and_percent()
    {
        var printed = SharePattern().Matches(Markdown)
            .Select(m => (Id: m.Groups["code"].Value, Percent: decimal.Parse(m.Groups["percent"].Value, CultureInfo.InvariantCulture), X: int.Parse(m.Groups["x"].Value, CultureInfo.InvariantCulture), N: int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(18, printed.Count);
        var shares = Study.Figures.Where(f => f.Kind == "share").Select(f => (f.Id, f.Percent!.Value, f.Numerator!.Value, f.Denominator!.Value)).ToList();
        Assert.Equal(printed.OrderBy(p => p.Id, StringComparer.Ordinal), shares.OrderBy(s => s.Id, StringComparer.Ordinal));
    }

    [Fact]
    public void Investment_factors_and_the_mean_are_as_printed_with_no_invented_base()
    {
        var factors = Study.Figures.Single(f => f.Id == "investment_factors");
        Assert.Equal("choice", factors.Kind);
        Assert.Null(factors.Denominator);
        Assert.Equal(
            [("qualified_human_capital", 58m), ("innovation_centres", 47m), ("geographic_position", 27m)],
            factors.Options!.Select(o => (o.Code, o.Percent!.Value)));
        Assert.All(factors.Options!, o => Assert.Null(o.Numerator));
        Assert.Contains("58%, 47%, 27%", Markdown, StringComparison.Ordinal);
        Assert.Contains("26%", factors.Note, StringComparison.Ordinal); // ADR 0005: no single base gives all three

        var mean = Study.Figures.Single(f => f.Id == "university_share_25_30");
        Assert.Equal(("mean", 30m, (int?)null), (mean.Kind, mean.Mean!.Value, mean.Denominator));
        Assert.Contains("| university_share_25_30 |", Markdown, StringComparison.Ordinal);
        Assert.Equal(20, Study.Figures.Count);
    }

    [Fact]
    public void The_20_cities_sit_in_the_printed_band_and_region()
    {
        var table = new Dictionary<(string Band, string Region), string[]>();
        string[] regions = ["Europe", "America", "Asia", "Africa"];
        (string Label, string Code)[] bands = [("under 50,000", "under-50k"), ("50,000 – 100,000", "50k-100k"), ("100,000 – 1,000,000", "100k-1m"), ("over 1,000,000", "over-1m")];
        foreach (var (label, code) in bands)
        {
            var row = Markdown.Split('\n').Single(l => l.StartsWith("| " + label + " |", StringComparison.Ordinal));
            var cells = row.Split('|')[2..^1];
            for (var i = 0; i < regions.Length; i++)
            {
                table[(code, regions[i])] = [.. cells[i].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            }
        }

        var expected = table.SelectMany(t => t.Value.Select(city => (City: city, t.Key.Band, t.Key.Region))).OrderBy(x => x.City, StringComparer.Ordinal).ToList();
        var actual = Study.Participants.Select(p => (City: p.Name, Band: p.Band.Code(), Region: p.Region.ToString())).OrderBy(x => x.City, StringComparer.Ordinal).ToList();
        Assert.Equal(20, expected.Count);
        Assert.Equal(expected, actual);
        Assert.Equal(20, Study.Respondents);
    }

    [Fact]
    public void Good_practices_belong_to_participating_cities_and_fields_of_the_study()
    {
        var cities = Study.Participants.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(24, Study.GoodPractices.Count);
        Assert.All(Study.GoodPractices, p =>
        {
            Assert.Contains(p.City, cities);
            Assert.Contains(p.Field, new[] { "innovation", "knowledge_talent", "digital" });
            Assert.False(string.IsNullOrWhiteSpace(p.Title));
            Assert.False(string.IsNullOrWhiteSpace(p.Description));
        });
        Assert.Equal(Study.GoodPractices.Count, Study.GoodPractices.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("2012", 28, 6)]
    [InlineData("2019", 24, 2)]
    public void The_2012_and_2019_records_give_the_city_count_and_fields_and_no_figure(string edition, int respondents, int fields)
    {
        var study = PublishedStudyJson.Parse(ShippedPublications.Read(edition)!);
        Assert.Equal((edition, respondents, fields), (study.Edition, study.Respondents, study.Fields.Count));
        Assert.Empty(study.Figures);
        Assert.Empty(study.Participants);
        Assert.Empty(study.GoodPractices);
    }

    // "| ss_strategy | … | yes/no | 75% (15 of 20) |" and "| ss_formalised | … | 60% of the participating cities (12 of 20) |"
    [GeneratedRegex(@"^\| (?<code>[a-z_0-9]+) \|[^\n]*\| yes/no \| (?<percent>\d+)%[^(\n]*\((?<x>\d+) of (?<n>\d+)\) \|", RegexOptions.Multiline)]
    private static partial Regex SharePattern();
}
