using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Domain.Answers;

/// <summary>An answer of an earlier edition that can start this edition's answer to the same question.</summary>
public sealed record CarriedAnswer(string SectionCode, string Path, AnswerValue Value);

/// <summary>
/// Which answers of a city's approved response to an earlier edition can start its answers to a new edition: a
/// question means the same when <see cref="EditionLinks"/> joins it (same code, or <c>sameAs</c>) and has the same
/// type; choices are carried only when every chosen option has its counterpart (an option that no longer exists
/// would change the answer's meaning). A value the new question would refuse (a new maximum, a shorter text) is
/// not carried, nor is an answer the city has already given in this edition. Groups (good practices) are not
/// carried: their items are this edition's stories.
/// </summary>
public static class AnswerCarryOver
{
    /// <param name="links">Links built from the questionnaires of every edition (they may pass through a third one).</param>
    /// <param name="alreadyAnswered">Paths the response already holds in this edition: never overwritten.</param>
    public static IReadOnlyList<CarriedAnswer> Plan(
        EditionLinks links,
        QuestionnaireDefinition source,
        IReadOnlyDictionary<string, AnswerValue> sourceAnswers,
        QuestionnaireDefinition target,
        IReadOnlySet<string> alreadyAnswered)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sourceAnswers);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(alreadyAnswered);

        var sourceByConcept = new Dictionary<string, Question>(StringComparer.Ordinal);
        foreach (var question in source.Questions.Where(q => q.Type != QuestionType.Group))
        {
            sourceByConcept.TryAdd(links.Concept(source.Edition, question.Code), question);
        }

        var carried = new List<CarriedAnswer>();
        foreach (var section in target.Sections)
        {
            foreach (var question in section.Questions.Where(q => q.Type != QuestionType.Group && !alreadyAnswered.Contains(q.Code)))
            {
                if (!sourceByConcept.TryGetValue(links.Concept(target.Edition, question.Code), out var from) || from.Type != question.Type
                    || sourceAnswers.GetValueOrDefault(from.Code) is not { IsEmpty: false } value)
                {
                    continue;
                }

                var translated = Translate(links, source.Edition, from, target.Edition, question, value);
                if (translated is not null && QuestionnaireRules.ValidateValue(question, question.Code, translated).Count == 0)
                {
                    carried.Add(new CarriedAnswer(section.Code, question.Code, translated));
                }
            }
        }

        return carried;
    }

    private static AnswerValue? Translate(EditionLinks links, string sourceEdition, Question from, string targetEdition, Question to, AnswerValue value)
    {
        if (to.Type is not (QuestionType.SingleChoice or QuestionType.MultipleChoice))
        {
            return value;
        }

        var codes = new List<string>();
        foreach (var code in value.Codes ?? [])
        {
            if (code == Question.OtherCode)
            {
                if (!to.AllowOther)
                {
                    return null;
                }

                codes.Add(Question.OtherCode);
                continue;
            }

            var concept = links.Concept(sourceEdition, from.Code, code);
            var match = to.Options.FirstOrDefault(o => links.Concept(targetEdition, to.Code, o.Code) == concept);
            if (match is null)
            {
                return null;
            }

            codes.Add(match.Code);
        }

        return value with { Codes = codes, Other = codes.Contains(Question.OtherCode) ? value.Other : null };
    }
}
