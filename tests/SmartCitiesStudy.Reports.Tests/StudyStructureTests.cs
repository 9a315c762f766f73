using SmartCitiesStudy.Application.Features.Reports;

namespace SmartCitiesStudy.Reports.Tests;

/// <summary>The study PDF follows the 2017 publication's numbered structure, with the editorial texts.</summary>
[Collection(ReportsSharingChromium.Name)]
public sealed class StudyStructureTests(ReportFixture fixture)
{
    private static readonly string[] Order =
    [
        "Foreword",
        "1 Smart Cities",
        "1.1 Smart Cities in UCLG",
        "1.2 Smart Cities concept",
        "1.3 Smart Cities factors",
        "2 The study",
        "2.1 The approach",
        "2.2 Objectives of the study",
        "2.3 Methodology",
        "2.4 Participating cities",
        "3.1 Innovation, entrepreneurship and the generation of economic activity",
        "Ruta N Capital",
        "3.2 Knowledge and talent",
        "3.3 Digital society and economy",
        "4 Barriers and facilitating elements",
        "4.1 Barriers",
        "Cross-cutting",
        "4.2 Facilitating elements",
        "5 Conclusions",
        "Main facilitating elements",
        "Annex: the questionnaire",
    ];

    [Fact]
    public async Task The_2017_study_reads_in_the_publications_order_with_numbered_chapters()
    {
        var pages = PdfText.Pages(await fixture.PdfAsync(ReportRequest.Study("2017", "en")));
        var body = string.Join('\n', pages.Skip(2));
        var at = 0;
        foreach (var heading in Order)
        {
            var next = body.IndexOf(heading, at, StringComparison.Ordinal);
            Assert.True(next >= 0, $"'{heading}' is missing or out of order after position {at}.");
            at = next + heading.Length;
        }

        Assert.DoesNotContain("Field 4", body, StringComparison.Ordinal);
        Assert.Contains("Juan Mari Aburto", body, StringComparison.Ordinal);
        Assert.Contains("Low entrepreneurial spirit — ", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es", "Prólogo", "2.3 Metodología", "5 Conclusiones", "Este texto aún no está traducido; se muestra en inglés.")]
    [InlineData("fr", "Avant-propos", "2.3 Méthodologie", "4.2 Éléments facilitateurs", "Ce texte n'est pas encore traduit ; il est affiché en anglais.")]
    public async Task Spanish_and_french_headings_are_translated_and_untranslated_blocks_say_so(string language, string foreword, string methodology, string chapter, string notice)
    {
        var text = PdfText.All(await fixture.PdfAsync(ReportRequest.Study("2017", language)));
        Assert.Contains(foreword, text, StringComparison.Ordinal);
        Assert.Contains(methodology, text, StringComparison.Ordinal);
        Assert.Contains(chapter, text, StringComparison.Ordinal);
        Assert.Contains(notice, text, StringComparison.Ordinal);
        Assert.DoesNotContain("1.1 Smart Cities in UCLG", text, StringComparison.Ordinal);
    }
}
