namespace SmartCitiesStudy.Reports.Text;

/// <summary>
/// Every fixed text of the reports and charts in one language. Each property is <c>required</c>, so a language
/// without a translation does not compile. Formats use {0}, {1}… placeholders.
/// </summary>
public sealed partial record ReportText
{
    public required string Language { get; init; }

    // Sentences (IndicatorSentences)
    public required string ShareOfParticipants { get; init; }
    public required string ShareOfAnswered { get; init; }
    public required string CountOutOf { get; init; }
    public required string CountOf { get; init; }
    public required string NoAnswers { get; init; }
    public required string ChoiceSentence { get; init; }
    public required string MeanSentence { get; init; }
    public required string LikeCities { get; init; }

    // Figures as an edition's publication printed them (ADR 0013)
    public required string ChoiceSentencePublished { get; init; }
    public required string MeanSentencePublished { get; init; }
    public required string AsPublishedIn { get; init; }
    public required string AsPublishedShort { get; init; }
    public required string DemoDataNotice { get; init; }

    // Charts
    public required string Yes { get; init; }
    public required string No { get; init; }
    public required string NotAnswered { get; init; }
    public required string Option { get; init; }
    public required string Cities { get; init; }
    public required string Share { get; init; }
    public required string ByRegion { get; init; }
    public required string ByPopulationBand { get; init; }
    public required string Group { get; init; }
    public required IReadOnlyDictionary<string, string> Regions { get; init; }
    public required IReadOnlyDictionary<string, string> Bands { get; init; }

    // Study report
    public required string StudyName { get; init; }
    public required string Publisher { get; init; }
    public required string Contents { get; init; }
    public required string Presentation { get; init; }
    public required string Methodology { get; init; }
    public required string ParticipatingCities { get; init; }
    public required string GoodPractices { get; init; }
    public required string Conclusions { get; init; }
    public required string Annex { get; init; }
    public required string KeyFigures { get; init; }
    public required string BarriersAndFacilitators { get; init; }
    public required string Barriers { get; init; }
    public required string Facilitators { get; init; }
    public required string Objectives { get; init; }
    public required IReadOnlyList<string> PresentationParagraphs { get; init; }
    public required IReadOnlyList<string> ObjectiveItems { get; init; }
    public required IReadOnlyList<string> MethodologyParagraphs { get; init; }
    public required string CitiesIntro { get; init; }
    public required string City { get; init; }
    public required string Country { get; init; }
    public required string Region { get; init; }
    public required string Population { get; init; }
    public required string PopulationBand { get; init; }
    public required string Total { get; init; }
    public required string FieldIntro { get; init; }
    public required string Field { get; init; }
    public required string FieldsOfStudy { get; init; }
    public required string EditionParagraph { get; init; }
    public required string Description { get; init; }
    public required string KeySuccessFactors { get; init; }
    public required string Results { get; init; }
    public required string Website { get; init; }
    public required string GoodPracticesIntro { get; init; }
    public required string GoodPracticesIntroPublished { get; init; }
    public required string NoGoodPractices { get; init; }
    public required string ConclusionsIntro { get; init; }
    public required string MostWidespread { get; init; }
    public required string LeastWidespread { get; init; }
    public required string MostNamedBarrier { get; init; }
    public required string MostNamedFacilitator { get; init; }
    public required string ConclusionsClosing { get; init; }
    public required string AnnexIntro { get; init; }
    public required string ConditionalQuestion { get; init; }
    public required string Options { get; init; }
    public required IReadOnlyDictionary<string, string> QuestionTypes { get; init; }
    public required string GeneratedOn { get; init; }
    public required string NoRanking { get; init; }

    // City factsheet
    public required string Factsheet { get; init; }
    public required string FactsheetIntro { get; init; }
    public required string Question { get; init; }
    public required string CityAnswer { get; init; }
    public required string StudyFigure { get; init; }
    public required string CityGoodPractices { get; init; }

    /// <summary>The texts in <paramref name="language"/> (en, es, fr); English for anything else.</summary>
    public static ReportText For(string? language) => ReportLanguage.Normalize(language) switch
    {
        "es" => Es,
        "fr" => Fr,
        _ => En,
    };

    public string RegionName(string code) => Regions.GetValueOrDefault(code, code);

    public string BandName(string code) => Bands.GetValueOrDefault(code, code);
}
