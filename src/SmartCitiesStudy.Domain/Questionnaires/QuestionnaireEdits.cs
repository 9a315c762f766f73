namespace SmartCitiesStudy.Domain.Questionnaires;

/// <summary>
/// Editing helpers for the (immutable) definition: replace or move one section, subsection, question or option and
/// get the new definition back. The editor UI uses them; the validator then judges the result as a whole.
/// </summary>
public static class QuestionnaireEdits
{
    public static QuestionnaireDefinition UpdateSection(this QuestionnaireDefinition d, int section, Func<Section, Section> change) =>
        d with { Sections = Replace(d.Sections, section, change(d.Sections[section])) };

    public static QuestionnaireDefinition UpdateSubsection(this QuestionnaireDefinition d, int section, int subsection, Func<Subsection, Subsection> change) =>
        d.UpdateSection(section, s => s with { Subsections = Replace(s.Subsections, subsection, change(s.Subsections[subsection])) });

    public static QuestionnaireDefinition UpdateQuestion(this QuestionnaireDefinition d, int section, int subsection, int question, Func<Question, Question> change) =>
        d.UpdateSubsection(section, subsection, sub => sub with { Questions = Replace(sub.Questions, question, change(sub.Questions[question])) });

    public static QuestionnaireDefinition MoveSection(this QuestionnaireDefinition d, int section, int by) =>
        d with { Sections = Move(d.Sections, section, by) };

    public static QuestionnaireDefinition MoveSubsection(this QuestionnaireDefinition d, int section, int subsection, int by) =>
        d.UpdateSection(section, s => s with { Subsections = Move(s.Subsections, subsection, by) });

    public static QuestionnaireDefinition MoveQuestion(this QuestionnaireDefinition d, int section, int subsection, int question, int by) =>
        d.UpdateSubsection(section, subsection, sub => sub with { Questions = Move(sub.Questions, question, by) });

    public static Question MoveOption(this Question q, int option, int by) => q with { Options = Move(q.Options, option, by) };

    public static Question UpdateOption(this Question q, int option, Func<ChoiceOption, ChoiceOption> change) =>
        q with { Options = Replace(q.Options, option, change(q.Options[option])) };

    public static Question AddOption(this Question q, ChoiceOption option) => q with { Options = [.. q.Options, option] };

    /// <summary>A group with one of its fields changed.</summary>
    public static Question UpdateField(this Question group, int field, Func<Question, Question> change) =>
        group with { Questions = Replace(group.Questions, field, change(group.Questions[field])) };

    public static Question MoveField(this Question group, int field, int by) => group with { Questions = Move(group.Questions, field, by) };

    /// <summary>The list with item <paramref name="index"/> moved by <paramref name="by"/> places (clamped to the ends).</summary>
    public static IReadOnlyList<T> Move<T>(IReadOnlyList<T> list, int index, int by)
    {
        var target = Math.Clamp(index + by, 0, list.Count - 1);
        if (target == index)
        {
            return list;
        }

        var copy = list.ToList();
        var item = copy[index];
        copy.RemoveAt(index);
        copy.Insert(target, item);
        return copy;
    }

    public static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> list, int index, T item)
    {
        var copy = list.ToList();
        copy[index] = item;
        return copy;
    }
}
