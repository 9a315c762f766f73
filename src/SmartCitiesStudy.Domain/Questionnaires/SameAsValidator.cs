namespace SmartCitiesStudy.Domain.Questionnaires;

/// <summary>
/// Checks a questionnaire's <c>sameAs</c> links against the other editions' questionnaires: the target exists, a
/// question links to a question of the same type, an option to an option of a choice question.
/// </summary>
public static class SameAsValidator
{
    public static IReadOnlyList<DefinitionProblem> Validate(
        QuestionnaireDefinition definition, IReadOnlyDictionary<string, QuestionnaireDefinition> editions)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(editions);
        var problems = new List<DefinitionProblem>();
        for (var s = 0; s < definition.Sections.Count; s++)
        {
            var section = definition.Sections[s];
            for (var u = 0; u < section.Subsections.Count; u++)
            {
                var questions = section.Subsections[u].Questions;
                for (var q = 0; q < questions.Count; q++)
                {
                    var question = questions[q];
                    var path = $"$.sections[{s}].subsections[{u}].questions[{q}]";
                    if (question.SameAs is { } value)
                    {
                        Check(path + ".sameAs", $"Question '{question.Code}'", value, question.Type, null, definition, editions, problems);
                    }

                    for (var o = 0; o < question.Options.Count; o++)
                    {
                        if (question.Options[o].SameAs is { } option)
                        {
                            Check($"{path}.options[{o}].sameAs", $"Option '{question.Options[o].Code}' of question '{question.Code}'", option, question.Type, question.Options[o], definition, editions, problems);
                        }
                    }
                }
            }
        }

        return problems;
    }

    private static void Check(
        string path, string subject, string value, QuestionType type, ChoiceOption? option, QuestionnaireDefinition definition,
        IReadOnlyDictionary<string, QuestionnaireDefinition> editions, List<DefinitionProblem> problems)
    {
        if (!SameAsLink.TryParse(value, out var link))
        {
            return; // the format check (DefinitionValidator) names it
        }

        if (link.Edition == definition.Edition)
        {
            problems.Add(new(path, $"{subject}: sameAs '{value}' links to the same edition: links join different editions."));
        }
        else if (!editions.TryGetValue(link.Edition, out var other))
        {
            problems.Add(new(path, $"{subject}: sameAs '{value}': there is no edition '{link.Edition}'."));
        }
        else if (other.Find(link.Question) is not { } target)
        {
            problems.Add(new(path, $"{subject}: sameAs '{value}': edition {link.Edition} has no question '{link.Question}'."));
        }
        else if (option is null && target.Type != type)
        {
            problems.Add(new(path, $"{subject}: sameAs '{value}': '{link.Question}' is {target.Type.Code()} in {link.Edition}, this question is {type.Code()}."));
        }
        else if (option is not null && !target.Type.IsChoice())
        {
            problems.Add(new(path, $"{subject}: sameAs '{value}': '{link.Question}' in {link.Edition} is {target.Type.Code()}, not a choice question."));
        }
        else if (option is not null && target.Options.All(o => o.Code != link.Option))
        {
            problems.Add(new(path, $"{subject}: sameAs '{value}': '{link.Question}' in {link.Edition} has no option '{link.Option}'."));
        }
    }
}
