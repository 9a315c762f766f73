using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Domain.Indicators;

/// <summary>
/// Computes an edition's indicators from its counted (approved) responses, by the public counting rules:
/// <list type="bullet">
/// <item>share (yes/no): numerator = yes, denominator = yes + no, missing = respondents − denominator; for a question
/// shown only when a yes/no parent is "yes", numerator = parent yes and child yes, denominator = parent no +
/// (parent yes and child answered), so a parent "no" counts as a "no";</item>
/// <item>choice: denominator = responses with at least one option chosen; one entry per option in questionnaire
/// order (then <c>other</c> when allowed), zero counts included;</item>
/// <item>mean (number): n = responses with a value; mean, median and quartiles over them.</item>
/// </list>
/// Percentages, means and medians are rounded half away from zero to one decimal; a percentage is null when its
/// denominator is 0. An answer that is invalid for its question (<see cref="QuestionnaireRules.ValidateValue"/>) or
/// hidden by its condition (<see cref="QuestionnaireRules.IsShown"/>) is ignored, i.e. counted as not answered.
/// Never ranks cities.
/// </summary>
public static class IndicatorCalculator
{
    public static IndicatorDocument Compute(QuestionnaireDefinition definition, IReadOnlyList<CountedResponse> responses)
    {
        var rules = new QuestionnaireRules(definition);
        var effective = responses.Select(r => new Counted(r.Region, r.Band, EffectiveAnswers(rules, r.Answers))).ToList();
        var indicators = new List<Indicator>();
        foreach (var question in definition.Questions)
        {
            Indicator? indicator = (question.Figure?.Kind, question.Type) switch
            {
                (IndicatorKind.Share, QuestionType.YesNo) => Share(definition, question, effective),
                (IndicatorKind.Choice, QuestionType.SingleChoice or QuestionType.MultipleChoice) => Choice(question, effective),
                (IndicatorKind.Mean, QuestionType.Number) => Mean(question, effective),
                _ => null,
            };
            if (indicator is not null)
            {
                indicators.Add(indicator);
            }
        }

        return new IndicatorDocument(definition.Edition, responses.Count, indicators);
    }

    /// <summary>100 × numerator / denominator, rounded half away from zero to one decimal; null when nothing to divide by.</summary>
    public static decimal? Percent(int numerator, int denominator) =>
        denominator == 0 ? null : Round(100m * numerator / denominator);

    public static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    // Only the answers a reader of the response would see: valid for their question and shown by their condition.
    private static Dictionary<string, AnswerValue> EffectiveAnswers(QuestionnaireRules rules, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        var valid = new Dictionary<string, AnswerValue>(answers.Count, StringComparer.Ordinal);
        foreach (var (path, value) in answers)
        {
            if (rules.TryResolve(path, out var question, out var group, out _)
                && group is null
                && question.Type != QuestionType.Group
                && !value.IsEmpty
                && QuestionnaireRules.ValidateValue(question, question.Code, value).Count == 0)
            {
                valid[question.Code] = value;
            }
        }

        var shown = new Dictionary<string, AnswerValue>(valid.Count, StringComparer.Ordinal);
        foreach (var (code, value) in valid)
        {
            if (rules.TryResolve(code, out var question, out _, out _) && rules.IsShown(question, valid))
            {
                shown[code] = value;
            }
        }

        return shown;
    }

    /// <summary>
    /// The responses a figure counts in its numerator, in the order given: for a share the cities counted "yes", for a
    /// choice those that chose <paramref name="option"/>. The same rules as <see cref="Compute"/>, so the cities listed
    /// as doing something are exactly the x of "x of N".
    /// </summary>
    /// <returns>The positions in <paramref name="responses"/> of the counted ones; null when the question has no share
    /// or choice figure, or the option is not one of the question's.</returns>
    public static IReadOnlyList<int>? CountedInNumerator(
        QuestionnaireDefinition definition, IReadOnlyList<CountedResponse> responses, string questionCode, string? option = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(responses);
        return NumeratorMembers(definition, responses).Of(questionCode, option);
    }

    /// <summary>
    /// <see cref="CountedInNumerator"/> for several figures of the same responses: their answers are checked once.
    /// </summary>
    public static NumeratorMembership NumeratorMembers(QuestionnaireDefinition definition, IReadOnlyList<CountedResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(responses);
        var rules = new QuestionnaireRules(definition);
        var effective = responses.Select(r => EffectiveAnswers(rules, r.Answers)).ToList();
        return new NumeratorMembership((questionCode, option) =>
        {
            var question = definition.Find(questionCode);
            if (question?.Figure is not { } figure)
            {
                return null;
            }

            switch (figure.Kind, question.Type)
            {
                case (IndicatorKind.Share, QuestionType.YesNo) when option is null:
                    var parent = ShareParent(definition, question);
                    return [.. effective.Select((a, i) => (a, i)).Where(x => ShareOutcome(question, parent, x.a) is true).Select(x => x.i)];
                case (IndicatorKind.Choice, QuestionType.SingleChoice or QuestionType.MultipleChoice)
                    when option is not null && (question.Options.Any(o => o.Code == option) || (question.AllowOther && option == Question.OtherCode)):
                    return [.. effective.Select((a, i) => (a, i)).Where(x => ChosenCodes(question, x.a).Contains(option)).Select(x => x.i)];
                default:
                    return null;
            }
        });
    }

    // A child of a yes/no parent shown on "yes": the parent's "no" is a "no" for the child too.
    private static Question? ShareParent(QuestionnaireDefinition definition, Question question) =>
        question.ShowWhen is { EqualTo: "yes", AnyOf: null } condition
        && definition.Find(condition.Question) is { Type: QuestionType.YesNo } p
            ? p
            : null;

    private static bool? ShareOutcome(Question question, Question? parent, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        if (parent is not null && answers.GetValueOrDefault(parent.Code)?.Bool is false)
        {
            return false;
        }

        return answers.GetValueOrDefault(question.Code)?.Bool;
    }

    private static HashSet<string> ChosenCodes(Question question, IReadOnlyDictionary<string, AnswerValue> answers) =>
        answers.GetValueOrDefault(question.Code)?.Codes?.ToHashSet(StringComparer.Ordinal) ?? [];

    private static ShareIndicator Share(QuestionnaireDefinition definition, Question question, List<Counted> responses)
    {
        var parent = ShareParent(definition, question);
        var outcomes = responses.Select(r => (Response: r, Outcome: ShareOutcome(question, parent, r.Answers))).ToList();
        var numerator = outcomes.Count(o => o.Outcome is true);
        var denominator = outcomes.Count(o => o.Outcome is not null);

        return new ShareIndicator(
            question.Code,
            numerator,
            denominator,
            Percent(numerator, denominator),
            responses.Count - denominator,
            ByRegion(outcomes, o => o.Response, o => o.Outcome is not null, o => o.Outcome is true),
            ByBand(outcomes, o => o.Response, o => o.Outcome is not null, o => o.Outcome is true));
    }

    internal static readonly Region[] RegionOrder = [.. Enum.GetValues<Region>().OrderBy(r => r.ToString(), StringComparer.Ordinal)];

    // Groups (regions, bands) in their public order, those without a respondent left out.
    private static List<GroupShare> ByRegion<T>(List<T> items, Func<T, Counted> response, Func<T, bool> answered, Func<T, bool> counted) =>
        Groups(items, i => response(i).Region, RegionOrder, r => r.ToString(), answered, counted);

    private static List<GroupShare> ByBand<T>(List<T> items, Func<T, Counted> response, Func<T, bool> answered, Func<T, bool> counted) =>
        Groups(items, i => response(i).Band, PopulationBands.All, b => b.Code(), answered, counted);

    private static List<GroupShare> Groups<T, TKey>(
        List<T> items, Func<T, TKey?> key, IEnumerable<TKey> order, Func<TKey, string> name, Func<T, bool> answered, Func<T, bool> counted)
        where TKey : struct =>
    [
        .. order
            .Select(k => (Key: k, Members: items.Where(i => Nullable.Equals(key(i), k)).ToList()))
            .Where(g => g.Members.Count > 0)
            .Select(g =>
            {
                var numerator = g.Members.Count(counted);
                var denominator = g.Members.Count(answered);
                return new GroupShare(name(g.Key), numerator, denominator, Percent(numerator, denominator));
            }),
    ];

    private static ChoiceIndicator Choice(Question question, List<Counted> responses)
    {
        var answers = responses
            .Select(r => (Response: r, Codes: ChosenCodes(question, r.Answers)))
            .ToList();
        var chosen = answers.Where(a => a.Codes.Count > 0).Select(a => a.Codes).ToList();
        var codes = question.Options.Select(o => o.Code).ToList();
        if (question.AllowOther)
        {
            codes.Add(Question.OtherCode);
        }

        var denominator = chosen.Count;
        var options = codes.Select(code =>
        {
            var numerator = chosen.Count(c => c.Contains(code));
            return new OptionShare(code, numerator, Percent(numerator, denominator))
            {
                ByRegion = ByRegion(answers, a => a.Response, a => a.Codes.Count > 0, a => a.Codes.Contains(code)),
                ByPopulationBand = ByBand(answers, a => a.Response, a => a.Codes.Count > 0, a => a.Codes.Contains(code)),
            };
        }).ToList();
        return new ChoiceIndicator(question.Code, denominator, responses.Count - denominator, options);
    }

    private static MeanIndicator Mean(Question question, List<Counted> responses)
    {
        var values = responses
            .Select(r => r.Answers.GetValueOrDefault(question.Code)?.Number)
            .OfType<decimal>()
            .Order()
            .ToList();
        var n = values.Count;
        if (n == 0)
        {
            return new MeanIndicator(question.Code, 0, responses.Count, null, null);
        }

        return new MeanIndicator(question.Code, n, responses.Count - n, Round(values.Sum() / n), Round(Quantile(values, 0.5m)))
        {
            LowerQuartile = Round(Quantile(values, 0.25m)),
            UpperQuartile = Round(Quantile(values, 0.75m)),
        };
    }

    /// <summary>
    /// The <paramref name="q"/> quantile of sorted values, linear between the closest ranks (as PostgreSQL's
    /// percentile_cont and a spreadsheet's QUARTILE.INC): the median of an even count is the mean of the middle two.
    /// </summary>
    public static decimal Quantile(IReadOnlyList<decimal> sorted, decimal q)
    {
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = (int)Math.Ceiling(position);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }

    private sealed record Counted(Region Region, PopulationBand? Band, IReadOnlyDictionary<string, AnswerValue> Answers);
}
