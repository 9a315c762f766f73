using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Reports.Text;

namespace SmartCitiesStudy.Reports.Tests;

/// <summary>Chapter 4 shows, beside each barrier and facilitator, the same factor in the previous edition where linked.</summary>
[Collection(ReportsSharingChromium.Name)]
public sealed class PreviousEditionTests(ReportFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ChoiceIndicator> ChoiceAsync(string edition, string id) =>
        (ChoiceIndicator)(await fixture.Services.GetRequiredService<ComputeIndicators>().ExecuteAsync(edition, Ct))!.Indicators.Single(i => i.Id == id);

    /// <summary>The option's line in chapter 4, as <see cref="IndicatorSentences.Option"/> writes it.</summary>
    private async Task<string> LineAsync(string edition, string question, string option, string language)
    {
        var definition = (await fixture.Services.GetRequiredService<LoadQuestionnaire>().ExecuteAsync(edition, cancellationToken: Ct))!.Definition;
        var choice = await ChoiceAsync(edition, question);
        var share = choice.Options.Single(o => o.Code == option);
        Assert.True(share.Numerator > 0, $"{edition} {question}/{option} is named by nobody in the demo data");
        return PdfText.Normalize(IndicatorSentences.Option(share, choice.Denominator, IndicatorSentences.OptionLabel(definition.Find(question)!, option, language), language));
    }

    [Theory]
    [InlineData("en", "in", "In grey: the same factor in the previous edition (2012), where the questionnaires link them.")]
    [InlineData("es", "en", "En gris: el mismo factor en la edición anterior (2012), donde los cuestionarios los vinculan.")]
    public async Task A_2017_barrier_linked_to_2012_shows_the_2012_percent_beside_its_own(string language, string word, string note)
    {
        var text = PdfText.All(await fixture.PdfAsync(ReportRequest.Study("2017", language)));
        // 2017 digital_barriers/complex_bureaucracy is "sameAs": "2012:governance_barriers/bureaucratic_complexity".
        var before = (await ChoiceAsync("2012", "governance_barriers")).Options.Single(o => o.Code == "bureaucratic_complexity");
        var line = await LineAsync("2017", "digital_barriers", "complex_bureaucracy", language);

        var at = text.IndexOf(line, StringComparison.Ordinal);
        Assert.True(at >= 0, $"chapter 4 lacks \"{line}\"");
        var expected = PdfText.Normalize($"{line} · {ReportLanguage.Percent(before.Percent, language)} {word} 2012");
        Assert.True(text.Contains(expected, StringComparison.Ordinal), $"expected \"{expected}\", found \"{text.Substring(at, Math.Min(160, text.Length - at))}\"");
        Assert.Contains(note, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_factor_without_a_link_and_the_oldest_edition_show_no_earlier_figure()
    {
        var text = PdfText.All(await fixture.PdfAsync(ReportRequest.Study("2017", "en")));
        var line = await LineAsync("2017", "general_barriers", "lack_international_contact", "en");
        var at = text.IndexOf(line, StringComparison.Ordinal);
        Assert.True(at >= 0, $"chapter 4 lacks \"{line}\"");
        Assert.False(text[(at + line.Length)..].TrimStart().StartsWith('·'), "an unlinked factor shows an earlier figure");

        var oldest = PdfText.All(await fixture.PdfAsync(ReportRequest.Study("2012", "en")));
        Assert.DoesNotContain("In grey: the same factor in the previous edition", oldest, StringComparison.Ordinal);
    }
}
