using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Domain.Indicators;

/// <summary>
/// The same figures as <see cref="IndicatorCalculator"/>, by the same counting rules, computed from what the database
/// counted (<see cref="StoredAnswerCount"/>: responses per stored value, condition values, region and band) instead of
/// from every response: the database reads the millions of answer rows, this class sees a few thousand counts. Each
/// distinct stored value is parsed and validated once, and its visibility decided by the questionnaire's own
/// <see cref="QuestionnaireRules.IsShown"/> over the values of its condition chain, so the rules live in one place.
/// The tests hold it to the calculator's output on both databases.
/// </summary>
public static class IndicatorsFromCounts
{
    /// <summary>The longest condition chain (parent, grandparent…) the counting query joins.</summary>
    public const int MaxConditionDepth = 3;

    /// <summary>
    /// The top-level questions to count: those with a figure and every question their show-conditions depend on,
    /// each with its condition chain (parent first). Null when a chain is longer than <see cref="MaxConditionDepth"/>:
    /// then the figures must come from <see cref="IndicatorCalculator"/> over the responses.
    /// </summary>
    public static IReadOnlyList<CountedQuestion>? QuestionsToCount(QuestionnaireDefinition definition)
    {
        var byCode = definition.Questions.ToDictionary(q => q.Code, StringComparer.Ordinal);
        var counted = new Dictionary<string, CountedQuestion>(StringComparer.Ordinal);
        foreach (var question in definition.Questions.Where(q => q.Figure is not null))
        {
            for (var q = question; q is not null && !counted.ContainsKey(q.Code);)
            {
                var chain = Chain(q, byCode);
                if (chain.Count > MaxConditionDepth)
                {
                    return null;
                }

                // Numbers have no breakdown; every other kind (and every condition parent) is counted per region and band.
                counted[q.Code] = new CountedQuestion(q.Code, chain, ByGroup: q.Type != QuestionType.Number);
                q = q.ShowWhen is { } condition ? byCode.GetValueOrDefault(condition.Question) : null;
            }
        }

        return [.. counted.Values];
    }

    // The codes of the top-level questions a question's visibility depends on, nearest first (as IsShown walks them).
    private static List<string> Chain(Question question, Dictionary<string, Question> byCode)
    {
        var chain = new List<string>();
        for (var q = question; q.ShowWhen is { } condition && byCode.TryGetValue(condition.Question, out var parent) && chain.Count <= MaxConditionDepth; q = parent)
        {
            chain.Add(parent.Code);
        }

        return chain;
    }

    public static IndicatorDocument Compute(
        QuestionnaireDefinition definition, IReadOnlyList<RespondentCount> respondents, IEnumerable<StoredAnswerCount> counts)
    {
        var tallies = EffectiveTallies(definition, counts);
        var groups = new Respondents(respondents);
        var indicators = new List<Indicator>();
        foreach (var question in definition.Questions)
        {
            var own = tallies.GetValueOrDefault(question.Code) ?? [];
            Indicator? indicator = (question.Figure?.Kind, question.Type) switch
            {
                (IndicatorKind.Share, QuestionType.YesNo) => Share(definition, question, own, tallies, groups),
                (IndicatorKind.Choice, QuestionType.SingleChoice or QuestionType.MultipleChoice) => Choice(question, own, groups),
                (IndicatorKind.Mean, QuestionType.Number) => Mean(question, own, groups.Total),
                _ => null,
            };
            if (indicator is not null)
            {
                indicators.Add(indicator);
            }
        }

        return new IndicatorDocument(definition.Edition, groups.Total, indicators);
    }

    // Per question, the answers a reader would see (valid and shown, as in IndicatorCalculator), counted by group.
    private static Dictionary<string, List<Tally>> EffectiveTallies(QuestionnaireDefinition definition, IEnumerable<StoredAnswerCount> counts)
    {
        var rules = new QuestionnaireRules(definition);
        var parsed = new Dictionary<(string Code, string Json), AnswerValue?>();
        AnswerValue? Valid(string code, string? json)
        {
            if (json is null)
            {
                return null;
            }

            if (!parsed.TryGetValue((code, json), out var value))
            {
                value = rules.TryResolve(code, out var question, out var group, out _) && group is null && question.Type != QuestionType.Group
                    && TryParse(json) is { IsEmpty: false } candidate
                    && QuestionnaireRules.ValidateValue(question, question.Code, candidate).Count == 0
                        ? candidate
                        : null;
                parsed[(code, json)] = value;
            }

            return value;
        }

        var byCode = definition.Questions.ToDictionary(q => q.Code, StringComparer.Ordinal);
        var tallies = new Dictionary<string, List<Tally>>(StringComparer.Ordinal);
        foreach (var count in counts)
        {
            if (Valid(count.QuestionCode, count.ValueJson) is not { } value || !byCode.TryGetValue(count.QuestionCode, out var question))
            {
                continue;
            }

            if (question.ShowWhen is not null)
            {
                var valid = new Dictionary<string, AnswerValue>(StringComparer.Ordinal) { [question.Code] = value };
                var chain = Chain(question, byCode);
                for (var k = 0; k < chain.Count && k < count.ConditionValues.Count; k++)
                {
                    if (Valid(chain[k], count.ConditionValues[k]) is { } ancestor)
                    {
                        valid[chain[k]] = ancestor;
                    }
                }

                if (!rules.IsShown(question, valid))
                {
                    continue;
                }
            }

            if (!tallies.TryGetValue(question.Code, out var list))
            {
                tallies[question.Code] = list = [];
            }

            list.Add(new Tally(value, count.Region, count.Band, count.Count));
        }

        return tallies;
    }

    private static AnswerValue? TryParse(string json)
    {
        try
        {
            return AnswerValue.FromJson(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // a damaged stored value is treated like an invalid answer: not counted
        }
    }

    private static ShareIndicator Share(
        QuestionnaireDefinition definition, Question question, List<Tally> own, Dictionary<string, List<Tally>> tallies, Respondents groups)
    {
        // A child of a yes/no parent shown on "yes": the parent's "no" is a "no" for the child too. The child is never
        // shown when the parent is "no", so the two counts never overlap.
        var parent = question.ShowWhen is { EqualTo: "yes", AnyOf: null } condition
            && definition.Find(condition.Question) is { Type: QuestionType.YesNo } p
                ? p
                : null;
        var outcomes = own.Where(t => t.Value.Bool is not null).Select(t => (t.Region, t.Band, Yes: t.Value.Bool is true, t.Count)).ToList();
        if (parent is not null)
        {
            outcomes.AddRange((tallies.GetValueOrDefault(parent.Code) ?? []).Where(t => t.Value.Bool is false).Select(t => (t.Region, t.Band, Yes: false, t.Count)));
        }

        var numerator = outcomes.Where(o => o.Yes).Sum(o => o.Count);
        var denominator = outcomes.Sum(o => o.Count);
        return new ShareIndicator(
            question.Code,
            numerator,
            denominator,
            IndicatorCalculator.Percent(numerator, denominator),
            groups.Total - denominator,
            groups.ByRegion(outcomes, o => o.Region, o => o.Count, o => o.Yes),
            groups.ByBand(outcomes, o => o.Band, o => o.Count, o => o.Yes));
    }

    private static ChoiceIndicator Choice(Question question, List<Tally> own, Respondents groups)
    {
        var chosen = own
            .Select(t => (t.Region, t.Band, t.Count, Codes: t.Value.Codes?.ToHashSet(StringComparer.Ordinal) ?? []))
            .Where(t => t.Codes.Count > 0)
            .ToList();
        var codes = question.Options.Select(o => o.Code).ToList();
        if (question.AllowOther)
        {
            codes.Add(Question.OtherCode);
        }

        var denominator = chosen.Sum(c => c.Count);
        var options = codes.Select(code =>
        {
            var numerator = chosen.Where(c => c.Codes.Contains(code)).Sum(c => c.Count);
            return new OptionShare(code, numerator, IndicatorCalculator.Percent(numerator, denominator))
            {
                ByRegion = groups.ByRegion(chosen, c => c.Region, c => c.Count, c => c.Codes.Contains(code)),
                ByPopulationBand = groups.ByBand(chosen, c => c.Band, c => c.Count, c => c.Codes.Contains(code)),
            };
        }).ToList();
        return new ChoiceIndicator(question.Code, denominator, groups.Total - denominator, options);
    }

    private static MeanIndicator Mean(Question question, List<Tally> own, int respondents)
    {
        var values = own
            .Where(t => t.Value.Number is not null)
            .GroupBy(t => t.Value.Number!.Value)
            .Select(g => (Value: g.Key, Count: g.Sum(t => t.Count)))
            .OrderBy(v => v.Value)
            .ToList();
        var n = values.Sum(v => v.Count);
        if (n == 0)
        {
            return new MeanIndicator(question.Code, 0, respondents, null, null);
        }

        var sum = values.Sum(v => v.Value * v.Count);
        return new MeanIndicator(question.Code, n, respondents - n, IndicatorCalculator.Round(sum / n), IndicatorCalculator.Round(Quantile(values, n, 0.5m)))
        {
            LowerQuartile = IndicatorCalculator.Round(Quantile(values, n, 0.25m)),
            UpperQuartile = IndicatorCalculator.Round(Quantile(values, n, 0.75m)),
        };
    }

    // IndicatorCalculator.Quantile over values given with how often each occurs (sorted, n in all).
    private static decimal Quantile(List<(decimal Value, int Count)> sorted, int n, decimal q)
    {
        var position = q * (n - 1);
        var below = (int)Math.Floor(position);
        var above = (int)Math.Ceiling(position);
        var low = AtRank(sorted, below);
        return low + ((AtRank(sorted, above) - low) * (position - below));
    }

    private static decimal AtRank(List<(decimal Value, int Count)> sorted, int rank)
    {
        foreach (var (value, count) in sorted)
        {
            if (rank < count)
            {
                return value;
            }

            rank -= count;
        }

        throw new ArgumentOutOfRangeException(nameof(rank));
    }

    private sealed record Tally(AnswerValue Value, Region? Region, PopulationBand? Band, int Count);

    // Respondents per region and per band: a group is listed when it has a respondent, as in IndicatorCalculator.
    private sealed class Respondents(IReadOnlyList<RespondentCount> counts)
    {
        public int Total { get; } = counts.Sum(c => c.Count);

        public List<GroupShare> ByRegion<T>(List<T> items, Func<T, Region?> region, Func<T, int> count, Func<T, bool> counted) =>
            Groups(IndicatorCalculator.RegionOrder, r => counts.Any(c => c.Region == r && c.Count > 0), r => r.ToString(), items, region, count, counted);

        public List<GroupShare> ByBand<T>(List<T> items, Func<T, PopulationBand?> band, Func<T, int> count, Func<T, bool> counted) =>
            Groups(PopulationBands.All, b => counts.Any(c => c.Band == b && c.Count > 0), b => b.Code(), items, band, count, counted);

        private static List<GroupShare> Groups<T, TKey>(
            IEnumerable<TKey> order, Func<TKey, bool> hasRespondents, Func<TKey, string> name, List<T> items, Func<T, TKey?> key, Func<T, int> count, Func<T, bool> counted)
            where TKey : struct =>
        [
            .. order
                .Where(hasRespondents)
                .Select(k =>
                {
                    var members = items.Where(i => Nullable.Equals(key(i), k)).ToList();
                    var numerator = members.Where(counted).Sum(count);
                    var denominator = members.Sum(count);
                    return new GroupShare(name(k), numerator, denominator, IndicatorCalculator.Percent(numerator, denominator));
                }),
        ];
    }
}

/// <summary>
/// A question the database counts for the figures: its code, the codes of the questions its show-condition looks at
/// (parent first), and whether it is counted per region and band.
/// </summary>
public sealed record CountedQuestion(string Code, IReadOnlyList<string> ConditionChain, bool ByGroup);
