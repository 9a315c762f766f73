namespace SmartCitiesStudy.Domain.Questionnaires;

/// <summary>
/// Structure changes for the builder: add, duplicate and remove sections, subsections, questions and options, and
/// change a question's type. Each returns a new definition; the validator judges the result as a whole.
/// </summary>
public static class QuestionnaireBuilding
{
    /// <summary>An empty questionnaire for an edition, to build from blank.</summary>
    public static QuestionnaireDefinition Blank(string editionCode, string title) =>
        new() { Edition = editionCode, Title = new LocalizedText(title) };

    public static QuestionnaireDefinition AddSection(this QuestionnaireDefinition d, string code) =>
        d with { Sections = [.. d.Sections, new Section { Code = code, Title = new LocalizedText(code) }] };

    public static QuestionnaireDefinition AddSubsection(this QuestionnaireDefinition d, int section, string code) =>
        d.UpdateSection(section, s => s with { Subsections = [.. s.Subsections, new Subsection { Code = code, Title = new LocalizedText(code) }] });

    public static QuestionnaireDefinition AddQuestion(this QuestionnaireDefinition d, int section, int subsection, string code, QuestionType type) =>
        d.UpdateSubsection(section, subsection, sub => sub with { Questions = [.. sub.Questions, NewQuestion(code, type)] });

    public static QuestionnaireDefinition RemoveSection(this QuestionnaireDefinition d, int section) =>
        d with { Sections = Without(d.Sections, section) };

    public static QuestionnaireDefinition RemoveSubsection(this QuestionnaireDefinition d, int section, int subsection) =>
        d.UpdateSection(section, s => s with { Subsections = Without(s.Subsections, subsection) });

    public static QuestionnaireDefinition RemoveQuestion(this QuestionnaireDefinition d, int section, int subsection, int question) =>
        d.UpdateSubsection(section, subsection, sub => sub with { Questions = Without(sub.Questions, question) });

    /// <summary>A copy placed right after the question, with a free code (<c>code_2</c>, <c>code_3</c>, …).</summary>
    public static QuestionnaireDefinition DuplicateQuestion(this QuestionnaireDefinition d, int section, int subsection, int question)
    {
        var original = d.Sections[section].Subsections[subsection].Questions[question];
        var taken = d.Questions.Select(q => q.Code).ToHashSet(StringComparer.Ordinal);
        var code = Enumerable.Range(2, 1000).Select(i => $"{original.Code}_{i}").First(c => !taken.Contains(c));
        return d.UpdateSubsection(section, subsection, sub =>
        {
            var list = sub.Questions.ToList();
            list.Insert(question + 1, original with { Code = code });
            return sub with { Questions = list };
        });
    }

    public static Question RemoveOption(this Question q, int option) => q with { Options = Without(q.Options, option) };

    /// <summary>A group with one more field (a field is a question of any type but group).</summary>
    public static Question AddField(this Question group, string code, QuestionType type) =>
        type == QuestionType.Group
            ? throw new ArgumentException("A group's field cannot be a group.", nameof(type))
            : group with { Questions = [.. group.Questions, NewQuestion(code, type)] };

    public static Question RemoveField(this Question group, int field) => group with { Questions = Without(group.Questions, field) };

    /// <summary>The question as another type: properties that do not apply are dropped, an indicator kept when it fits.</summary>
    public static Question ChangeType(this Question q, QuestionType type)
    {
        var fresh = NewQuestion(q.Code, type);
        var indicator = q.Indicator is { } i && Fits(i.Kind, type) ? i : null;
        return fresh with
        {
            Title = q.Title,
            Help = q.Help,
            Required = q.Required,
            ShowWhen = q.ShowWhen,
            Indicator = indicator,
            Options = type.IsChoice() && q.Type.IsChoice() ? q.Options : fresh.Options,
            AllowOther = type.IsChoice() && q.AllowOther,
            Unit = type == QuestionType.Number ? q.Unit : null,
            Min = type == QuestionType.Number ? q.Min : null,
            Max = type == QuestionType.Number ? q.Max : null,
            Decimals = type == QuestionType.Number ? q.Decimals : null,
            Questions = type == QuestionType.Group && q.Type == QuestionType.Group ? q.Questions : fresh.Questions,
        };
    }

    /// <summary>The indicator kind a question type takes, if any (share, choice, mean).</summary>
    public static IndicatorKind? IndicatorKindFor(QuestionType type) => type switch
    {
        QuestionType.YesNo => IndicatorKind.Share,
        QuestionType.SingleChoice or QuestionType.MultipleChoice => IndicatorKind.Choice,
        QuestionType.Number => IndicatorKind.Mean,
        _ => null,
    };

    /// <summary>Questions before the given one that a condition may name (yes/no and choice questions).</summary>
    public static IReadOnlyList<Question> ConditionCandidates(this QuestionnaireDefinition d, string questionCode) =>
        [.. d.Questions.TakeWhile(q => q.Code != questionCode).Where(q => q.Type == QuestionType.YesNo || q.Type.IsChoice())];

    private static bool Fits(IndicatorKind kind, QuestionType type) => IndicatorKindFor(type) == kind;

    private static Question NewQuestion(string code, QuestionType type) => new()
    {
        Code = code,
        Type = type,
        Title = new LocalizedText(code),
        Options = type.IsChoice()
            ? [new ChoiceOption("option_1", new LocalizedText("Option 1")), new ChoiceOption("option_2", new LocalizedText("Option 2"))]
            : [],
        Questions = type == QuestionType.Group ? [new Question { Code = "title", Type = QuestionType.ShortText, Title = new LocalizedText("Title") }] : [],
    };

    private static List<T> Without<T>(IReadOnlyList<T> list, int index)
    {
        var copy = list.ToList();
        copy.RemoveAt(index);
        return copy;
    }
}
