using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Infrastructure.Seeding;

/// <summary>
/// Plausible, repeatable demo answers for editions without published per-city figures (2012, 2019): every shown
/// yes/no, choice and number question answered, larger cities a little more often "yes". Deterministic (a stable
/// hash of city and question), so every seeded database holds the same figures; always valid for the questionnaire.
/// </summary>
public static class DemoAnswerGenerator
{
    public static Dictionary<string, AnswerValue> For(QuestionnaireDefinition definition, string city, PopulationBand band)
    {
        var rules = new QuestionnaireRules(definition);
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        var yesChance = 0.45 + (0.1 * ((int)band - 1));
        foreach (var question in definition.Questions)
        {
            if (!rules.IsShown(question, answers))
            {
                continue;
            }

            var roll = Roll(city, question.Code);
            AnswerValue? value = question.Type switch
            {
                QuestionType.YesNo => AnswerValue.OfBool(roll < yesChance),
                QuestionType.SingleChoice => AnswerValue.OfChoice(question.Options[(int)(roll * question.Options.Count)].Code),
                QuestionType.MultipleChoice when question.Required || roll < 0.8 => AnswerValue.OfChoices(Pick(question, city)),
                QuestionType.Number when question.Required || roll < 0.85 => AnswerValue.OfNumber(Number(question, Roll(city, question.Code + "#n"))),
                _ => null,
            };
            if (value is not null)
            {
                answers[question.Code] = value;
            }
        }

        return answers;
    }

    private static IEnumerable<string> Pick(Question question, string city)
    {
        var count = Math.Min(question.MaxChoices ?? 3, 1 + (int)(Roll(city, question.Code + "#k") * 3));
        return question.Options
            .OrderBy(o => Roll(city, question.Code + "/" + o.Code))
            .Take(count)
            .Select(o => o.Code)
            .OrderBy(c => question.Options.ToList().FindIndex(o => o.Code == c));
    }

    private static decimal Number(Question question, double roll)
    {
        var min = question.Min ?? 0;
        var max = question.Max ?? (min + 500);
        var value = min + ((max - min) * (decimal)(0.15 + (0.7 * roll)));
        return Math.Round(value, question.EffectiveDecimals, MidpointRounding.AwayFromZero);
    }

    // FNV-1a: stable across runs and machines, unlike string.GetHashCode.
    private static double Roll(string city, string key)
    {
        var hash = 2166136261u;
        foreach (var c in city + "|" + key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (hash % 10_000) / 10_000.0;
    }
}
