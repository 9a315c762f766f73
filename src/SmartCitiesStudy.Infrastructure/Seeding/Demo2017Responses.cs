using SmartCitiesStudy.Domain.Answers;

namespace SmartCitiesStudy.Infrastructure.Seeding;

/// <summary>
/// Answers of the 20 cities of the 2017 study that reproduce every figure it published
/// (../shared/data/study-2017-indicators.md): each yes/no indicator lists the cities answering yes (the others answer
/// no), so "15 of 20" is visible here and checked by a test. Cities are named where the study cites them for that
/// programme. Investment factors: 19 cities answer (South Tarawa leaves it empty), giving 11, 9 and 5 of 19
/// (see docs/decisions/0005-investment-factors-discrepancy.md).
/// </summary>
public static class Demo2017Responses
{
    private static readonly string[] Cities = [.. DemoCities.Study2017.Select(c => c.Name)];

    /// <summary>Yes/no questions: the cities answering yes; every other city answers no.</summary>
    public static IReadOnlyDictionary<string, string[]> YesCities { get; } = new Dictionary<string, string[]>
    {
        ["ss_strategy"] = ["Lappeenranta", "Bilbao", "Brno", "Bordeaux", "Katowice", "Liège", "Porto", "Ostrava", "Seongnam", "Barcelona", "Moscow", "Medellín", "Quito", "Rio de Janeiro", "São Paulo"],
        ["entrepreneurship_programmes"] = Except("South Tarawa", "Kathmandu", "Ostrava"),
        ["incubation_spaces"] = ["Bilbao", "Brno", "Bordeaux", "Moscow", "Porto", "Rio de Janeiro", "Liège", "Katowice", "São Paulo", "Medellín", "Barcelona"],
        ["science_parks"] = ["Lappeenranta", "Bilbao", "Brno", "Bordeaux", "Katowice", "Liège", "Porto", "Ostrava", "Seongnam", "Barcelona", "Moscow", "Medellín", "Rio de Janeiro", "São Paulo"],
        ["specialised_parks"] = ["Lappeenranta", "Bilbao", "Brno", "Bordeaux", "Katowice", "Ostrava", "Seongnam", "Barcelona", "Moscow", "Medellín", "São Paulo"],
        ["formalised_clusters"] = ["Lappeenranta", "Bilbao", "Brno", "Bordeaux", "Katowice", "Liège", "Porto", "Ostrava", "Seongnam", "Barcelona", "Moscow", "Medellín", "São Paulo"],
        ["business_collaboration"] = ["Lappeenranta", "Bilbao", "Brno", "Bordeaux", "Katowice", "Liège", "Porto", "Ostrava", "Seongnam", "Barcelona", "Moscow", "Medellín", "São Paulo", "Quito", "Rio de Janeiro"],
        ["investment_promotion_agency"] = ["Bilbao", "Barcelona", "Porto", "Brno", "Ostrava", "Moscow", "São Paulo", "Medellín", "Quito", "Bordeaux", "Katowice", "Seongnam"],
        ["positioning_strategy"] = Cities,
        ["dual_vocational_training"] = ["Bilbao", "Barcelona", "Brno", "Ostrava"],
        ["school_innovation_programmes"] = ["Bilbao", "Barcelona", "Porto", "Seongnam", "Medellín", "Moscow", "Bordeaux", "Liège", "São Paulo", "Lappeenranta"],
        ["university_city_alignment"] = Except("Tequila", "South Tarawa", "Kathmandu", "La Marsa", "San Miguel de Ibarra"),
        ["lifelong_learning"] = Except("Tequila", "South Tarawa", "La Marsa", "Kathmandu", "San Miguel de Ibarra"),
        ["talent_attraction"] = ["Lappeenranta", "Bilbao", "Brno", "Bordeaux", "Liège", "Porto", "Seongnam", "Barcelona", "Moscow", "Medellín", "São Paulo"],
        ["talent_retention"] = ["Bilbao", "Porto", "Brno", "Lappeenranta", "Medellín"],
        ["digital_inclusion"] = ["Tequila", "La Marsa", "Bilbao", "Bordeaux", "Liège", "Porto", "San Miguel de Ibarra", "Seongnam", "Barcelona", "Moscow", "Medellín", "Quito", "Rio de Janeiro", "São Paulo"],
        ["youth_digital_vocation"] = ["Bilbao", "Barcelona", "Bordeaux", "Porto", "Seongnam", "Moscow", "Medellín", "Quito", "São Paulo", "Liège"],
        ["public_wifi"] = Except("South Tarawa", "Kathmandu"),
        ["public_internet_access"] = Except("South Tarawa"),
        ["open_data_portal"] = ["Bilbao", "Barcelona", "Porto", "Bordeaux", "Moscow", "São Paulo", "Rio de Janeiro", "Medellín", "Quito", "Seongnam", "Liège", "Brno", "Ostrava"],
        ["transparency_portal"] = Except("South Tarawa", "Kathmandu", "Tequila"),
        ["civil_servants_digital_training"] = Except("South Tarawa", "Tequila", "La Marsa"),
        ["big_data"] = ["Bilbao", "Barcelona", "Bordeaux", "Porto", "Seongnam", "Moscow", "Medellín", "Quito", "Rio de Janeiro", "São Paulo", "Brno", "Lappeenranta"],
        ["digital_entrepreneurship"] = ["Bilbao", "Barcelona", "Bordeaux", "Porto", "Seongnam", "Moscow", "Medellín", "Rio de Janeiro", "São Paulo", "Brno", "Liège", "Katowice", "Quito"],
        ["open_innovation_challenges"] = ["Porto", "Barcelona", "São Paulo", "Medellín", "Bilbao", "Moscow", "Seongnam"],
        ["digital_infrastructure"] = Except("South Tarawa", "Tequila", "Kathmandu"),
    };

    /// <summary>Conditional yes/no questions: the cities answering yes among those whose parent is yes (the others answer no).</summary>
    public static IReadOnlyDictionary<string, string[]> ConditionalYesCities { get; } = new Dictionary<string, string[]>
    {
        // 12 of the 15 with a strategy: "60% of the participating cities have formalised it".
        ["ss_formalised"] = ["Lappeenranta", "Bilbao", "Brno", "Bordeaux", "Liège", "Porto", "Ostrava", "Seongnam", "Barcelona", "Moscow", "Medellín", "São Paulo"],
        ["ss_multilevel_coordination"] = ["Bilbao", "Brno", "Bordeaux", "Porto", "Ostrava", "Barcelona", "Medellín", "Lappeenranta"],
    };

    /// <summary>Main factors for attracting investment, per option; South Tarawa did not answer.</summary>
    public static IReadOnlyDictionary<string, string[]> InvestmentFactors { get; } = new Dictionary<string, string[]>
    {
        ["qualified_human_capital"] = ["Bilbao", "Brno", "Bordeaux", "Katowice", "Liège", "Porto", "Ostrava", "Seongnam", "Barcelona", "Moscow", "Lappeenranta"],
        ["innovation_centres"] = ["Bilbao", "Brno", "Seongnam", "Barcelona", "Moscow", "Medellín", "São Paulo", "Liège", "Bordeaux"],
        ["geographic_position"] = ["Katowice", "Ostrava", "La Marsa", "Porto", "Rio de Janeiro"],
        ["quality_of_life"] = ["Bilbao", "Barcelona", "Porto", "Lappeenranta", "Medellín", "Quito"],
        ["infrastructure"] = ["São Paulo", "Rio de Janeiro", "Moscow", "Kathmandu", "Quito"],
        ["tax_incentives"] = ["Tequila", "San Miguel de Ibarra", "Kathmandu"],
    };

    /// <summary>Share of 25–30 year-olds with university studies: 16 cities answer, mean exactly 30.0 (480.0 / 16).</summary>
    public static IReadOnlyDictionary<string, decimal> UniversityShare { get; } = new Dictionary<string, decimal>
    {
        ["Bilbao"] = 37.3m,
        ["Brno"] = 34.0m,
        ["Bordeaux"] = 35.2m,
        ["Katowice"] = 29.0m,
        ["Liège"] = 33.4m,
        ["Porto"] = 32.8m,
        ["Ostrava"] = 25.5m,
        ["Lappeenranta"] = 32.1m,
        ["Seongnam"] = 39.0m,
        ["Barcelona"] = 38.5m,
        ["Moscow"] = 36.0m,
        ["Medellín"] = 24.6m,
        ["Quito"] = 22.8m,
        ["São Paulo"] = 21.9m,
        ["Rio de Janeiro"] = 20.3m,
        ["Kathmandu"] = 17.6m,
    };

    /// <summary>Barriers named by the study, per field, for the cities that reported them.</summary>
    private static readonly Dictionary<string, string[]> Barriers = new()
    {
        ["innovation_barriers"] = ["low_entrepreneurial_spirit", "difficult_access_to_financing", "weak_university_business_connection"],
        ["knowledge_talent_barriers"] = ["weak_university_administration_connection", "difficulty_attracting_external_talent"],
        ["digital_barriers"] = ["complex_bureaucracy", "lack_of_alignment"],
        ["general_barriers"] = ["lack_international_contact", "outdated_legislation"],
    };

    /// <summary>Facilitating elements named by the study, per field, for the cities that reported them.</summary>
    private static readonly Dictionary<string, string[]> Facilitators = new()
    {
        ["innovation_facilitators"] = ["entrepreneurship_infrastructure", "flexible_financing", "rd_patents_prototypes_support", "mentoring_technical_support"],
        ["knowledge_talent_facilitators"] = ["university_administration_business_partnership"],
        ["digital_facilitators"] = ["entrepreneurship_planning_strategy", "transparency_open_data", "aligned_public_administrations"],
    };

    /// <summary>The answers of one 2017 city, by path (good practices included).</summary>
    public static Dictionary<string, AnswerValue> For(string city)
    {
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        foreach (var (code, yes) in YesCities)
        {
            answers[code] = AnswerValue.OfBool(yes.Contains(city));
        }

        if (answers["ss_strategy"].Bool is true)
        {
            foreach (var (code, yes) in ConditionalYesCities)
            {
                answers[code] = AnswerValue.OfBool(yes.Contains(city));
            }
        }

        var factors = InvestmentFactors.Where(f => f.Value.Contains(city)).Select(f => f.Key).ToList();
        if (factors.Count > 0)
        {
            answers["investment_factors"] = AnswerValue.OfChoices(factors);
        }

        if (UniversityShare.TryGetValue(city, out var share))
        {
            answers["university_share_25_30"] = AnswerValue.OfNumber(share);
        }

        var index = Array.IndexOf(Cities, city);
        foreach (var (code, options) in Barriers)
        {
            // Every other city reports one or two of the published barriers.
            if (index % 2 == 0)
            {
                answers[code] = AnswerValue.OfChoices(options.Take(1 + (index % 4 == 0 ? 1 : 0)));
            }
        }

        foreach (var (code, options) in Facilitators)
        {
            // The other half of the cities report one to three of the published facilitating elements.
            if (index % 2 == 1)
            {
                answers[code] = AnswerValue.OfChoices(options.Take(1 + (index % 3)));
            }
        }

        foreach (var practice in DemoGoodPractices.For2017.Where(p => p.City == city))
        {
            practice.AddTo(answers);
        }

        return answers;
    }

    private static string[] Except(params string[] no) => [.. Cities.Where(c => !no.Contains(c))];
}
