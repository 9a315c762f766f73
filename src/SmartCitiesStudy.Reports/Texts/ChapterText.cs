using SmartCitiesStudy.Reports.Text;

namespace SmartCitiesStudy.Reports.Texts;

/// <summary>
/// The study's chapter and section headings as the 2017 publication numbers them, and the notices around editorial
/// texts, in one language. Every property is required, so a language without a translation does not compile.
/// </summary>
public sealed record ChapterText
{
    public required string Foreword { get; init; }
    public required string SmartCities { get; init; }
    public required string SmartCitiesInUclg { get; init; }
    public required string Concept { get; init; }
    public required string Factors { get; init; }
    public required string TheStudy { get; init; }
    public required string Approach { get; init; }
    public required string Objectives { get; init; }
    public required string Methodology { get; init; }
    public required string ParticipatingCities { get; init; }
    public required string Results { get; init; }
    public required string BarriersAndFacilitators { get; init; }
    public required string Barriers { get; init; }
    public required string Facilitators { get; init; }
    public required string Conclusions { get; init; }
    public required string CrossCutting { get; init; }
    public required string GoodPracticesOf { get; init; }
    public required string OtherGoodPractices { get; init; }
    public required string Field { get; init; }
    public required string MainBarriers { get; init; }
    public required string MainFacilitators { get; init; }
    public required string NamedBy { get; init; }

    /// <summary>"{0} in {1}": an option's percent in an earlier edition's year ("47% in 2017").</summary>
    public required string InEdition { get; init; }

    /// <summary>What the grey figure after a factor is; {0} is the earlier editions' years.</summary>
    public required string PreviousEditionNote { get; init; }
    public required string ConclusionsTableIntro { get; init; }
    public required string NotTranslated { get; init; }
    public required string CopiedReview { get; init; }

    public static ChapterText En { get; } = new()
    {
        Foreword = "Foreword",
        SmartCities = "Smart Cities",
        SmartCitiesInUclg = "Smart Cities in UCLG",
        Concept = "Smart Cities concept",
        Factors = "Smart Cities factors",
        TheStudy = "The study",
        Approach = "The approach",
        Objectives = "Objectives of the study",
        Methodology = "Methodology",
        ParticipatingCities = "Participating cities",
        Results = "Results by field",
        BarriersAndFacilitators = "Barriers and facilitating elements",
        Barriers = "Barriers",
        Facilitators = "Facilitating elements",
        Conclusions = "Conclusions",
        CrossCutting = "Cross-cutting",
        GoodPracticesOf = "Good practices",
        OtherGoodPractices = "Other good practices",
        Field = "Field",
        MainBarriers = "Main barriers",
        MainFacilitators = "Main facilitating elements",
        NamedBy = "most named first; x of N cities that answered",
        InEdition = "{0} in {1}",
        PreviousEditionNote = "In grey: the same factor in the previous edition ({0}), where the questionnaires link them.",
        ConclusionsTableIntro = "The table sums up the main barriers and facilitating elements the cities named in each field.",
        NotTranslated = "This text has not been translated yet; it is shown in English.",
        CopiedReview = "copied — review",
    };

    public static ChapterText Es { get; } = new()
    {
        Foreword = "Prólogo",
        SmartCities = "Ciudades inteligentes",
        SmartCitiesInUclg = "Las ciudades inteligentes en CGLU",
        Concept = "El concepto de ciudad inteligente",
        Factors = "Los factores de la ciudad inteligente",
        TheStudy = "El estudio",
        Approach = "El enfoque",
        Objectives = "Objetivos del estudio",
        Methodology = "Metodología",
        ParticipatingCities = "Ciudades participantes",
        Results = "Resultados por ámbito",
        BarriersAndFacilitators = "Barreras y elementos facilitadores",
        Barriers = "Barreras",
        Facilitators = "Elementos facilitadores",
        Conclusions = "Conclusiones",
        CrossCutting = "Transversales",
        GoodPracticesOf = "Buenas prácticas",
        OtherGoodPractices = "Otras buenas prácticas",
        Field = "Ámbito",
        MainBarriers = "Principales barreras",
        MainFacilitators = "Principales elementos facilitadores",
        NamedBy = "primero las más citadas; x de N ciudades que respondieron",
        InEdition = "{0} en {1}",
        PreviousEditionNote = "En gris: el mismo factor en la edición anterior ({0}), donde los cuestionarios los vinculan.",
        ConclusionsTableIntro = "La tabla resume las principales barreras y elementos facilitadores que las ciudades citaron en cada ámbito.",
        NotTranslated = "Este texto aún no está traducido; se muestra en inglés.",
        CopiedReview = "copiado — revisar",
    };

    public static ChapterText Fr { get; } = new()
    {
        Foreword = "Avant-propos",
        SmartCities = "Villes intelligentes",
        SmartCitiesInUclg = "Les villes intelligentes à CGLU",
        Concept = "Le concept de ville intelligente",
        Factors = "Les facteurs de la ville intelligente",
        TheStudy = "L'étude",
        Approach = "L'approche",
        Objectives = "Objectifs de l'étude",
        Methodology = "Méthodologie",
        ParticipatingCities = "Villes participantes",
        Results = "Résultats par domaine",
        BarriersAndFacilitators = "Obstacles et éléments facilitateurs",
        Barriers = "Obstacles",
        Facilitators = "Éléments facilitateurs",
        Conclusions = "Conclusions",
        CrossCutting = "Transversaux",
        GoodPracticesOf = "Bonnes pratiques",
        OtherGoodPractices = "Autres bonnes pratiques",
        Field = "Domaine",
        MainBarriers = "Principaux obstacles",
        MainFacilitators = "Principaux éléments facilitateurs",
        NamedBy = "les plus cités d'abord ; x sur N villes ayant répondu",
        InEdition = "{0} en {1}",
        PreviousEditionNote = "En gris : le même facteur dans l'édition précédente ({0}), là où les questionnaires les relient.",
        ConclusionsTableIntro = "Le tableau résume les principaux obstacles et éléments facilitateurs que les villes ont cités dans chaque domaine.",
        NotTranslated = "Ce texte n'est pas encore traduit ; il est affiché en anglais.",
        CopiedReview = "copié — à revoir",
    };

    public static ChapterText For(string? language) => ReportLanguage.Normalize(language) switch
    {
        "es" => Es,
        "fr" => Fr,
        _ => En,
    };
}
