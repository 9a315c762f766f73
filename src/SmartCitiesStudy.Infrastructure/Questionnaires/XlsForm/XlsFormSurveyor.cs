using SmartCitiesStudy.Domain.Questionnaires;
using static SmartCitiesStudy.Infrastructure.Questionnaires.XlsForm.XlsFormColumns;

namespace SmartCitiesStudy.Infrastructure.Questionnaires.XlsForm;

/// <summary>
/// Walks the survey sheet: begin_group/end_group two deep (sections, subsections), questions inside subsections,
/// begin_repeat/end_repeat for a group of fields (the good practices).
/// </summary>
internal sealed class Surveyor(XlsFormSheet survey, Dictionary<string, List<(XlsFormSheet.Row Row, ChoiceOption Option)>> lists, List<DefinitionProblem> problems)
{
    private const string Types = "select_one LIST, select_multiple LIST (optionally followed by or_other), select_one yes_no, integer, decimal, text, begin_group, end_group, begin_repeat, end_repeat";

    public List<SectionNode> Read()
    {
        var sections = new List<SectionNode>();
        SectionNode? section = null;
        SubsectionNode? subsection = null;
        QuestionNode? repeat = null;
        var lastRow = 1;
        foreach (var row in survey.Rows)
        {
            lastRow = row.Number;
            var tokens = (row.Get(TypeColumn) ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
            if (tokens.Count == 0)
            {
                Problem(row, TypeColumn, "Every row needs a type (" + Types + ").");
                continue;
            }

            if (tokens.Count > 1 && tokens[0] is "begin" or "end")
            {
                tokens[0] += "_" + tokens[1];
                tokens.RemoveAt(1);
            }

            switch (tokens[0])
            {
                case "begin_group" when repeat is not null:
                    Problem(row, TypeColumn, "A repeat holds fields only: close it with end_repeat before the next group.");
                    break;
                case "begin_group" when section is null:
                    section = new SectionNode(row, Code(row), row.Text(Label)!, row.Text(Hint));
                    sections.Add(section);
                    break;
                case "begin_group" when subsection is null:
                    subsection = new SubsectionNode(row, Code(row), row.Text(Label)!, row.Text(Hint));
                    section.Subsections.Add(subsection);
                    break;
                case "begin_group":
                    Problem(row, TypeColumn, $"Groups nest two deep: a section holds subsections, which hold the questions; '{subsection.Code}' is already a subsection.");
                    return sections;
                case "end_group" when repeat is not null:
                    Problem(row, TypeColumn, $"The repeat '{repeat.Code}' is still open: close it with end_repeat first.");
                    return sections;
                case "end_group" when subsection is not null:
                    subsection = null;
                    break;
                case "end_group" when section is not null:
                    section = null;
                    break;
                case "end_group":
                    Problem(row, TypeColumn, "end_group without a begin_group.");
                    return sections;
                case "begin_repeat" when repeat is not null:
                    Problem(row, TypeColumn, "Repeats cannot hold repeats.");
                    return sections;
                case "begin_repeat" when subsection is null:
                    Problem(row, TypeColumn, "A repeat belongs inside a subsection (a begin_group inside a section's begin_group).");
                    return sections;
                case "begin_repeat":
                    repeat = Question(row, tokens);
                    subsection.Questions.Add(repeat);
                    break;
                case "end_repeat" when repeat is null:
                    Problem(row, TypeColumn, "end_repeat without a begin_repeat.");
                    return sections;
                case "end_repeat":
                    repeat = null;
                    break;
                default:
                    var question = Question(row, tokens);
                    if (repeat is not null)
                    {
                        repeat.Fields.Add(question);
                    }
                    else if (subsection is not null)
                    {
                        subsection.Questions.Add(question);
                    }
                    else
                    {
                        Problem(row, TypeColumn, "Questions belong inside a subsection: a begin_group (the subsection) inside a begin_group (the section).");
                    }

                    break;
            }
        }

        var open = repeat is not null ? $"The repeat '{repeat.Code}' is not closed: add end_repeat."
            : subsection is not null ? $"The group '{subsection.Code}' is not closed: add end_group."
            : section is not null ? $"The group '{section.Code}' is not closed: add end_group."
            : null;
        if (open is not null)
        {
            Problem(lastRow, TypeColumn, open);
        }

        return sections;
    }

    private static string Code(XlsFormSheet.Row row) => row.Get(Name)?.Trim() ?? string.Empty;

    private QuestionNode Question(XlsFormSheet.Row row, List<string> tokens)
    {
        var node = new QuestionNode(row) { Code = Code(row) };
        var type = TypeOf(row, tokens, node);
        var limits = new XlsFormExpressions.Limits();
        if (row.Get(ConstraintColumn) is { } constraint)
        {
            limits = XlsFormExpressions.ParseConstraint(constraint, out var constraintError);
            if (constraintError is not null)
            {
                Problem(row, ConstraintColumn, constraintError);
            }
        }

        ShowCondition? showWhen = null;
        if (row.Get(Relevant) is { } relevant)
        {
            showWhen = XlsFormExpressions.ParseRelevant(relevant, out var relevantError);
            if (relevantError is not null)
            {
                Problem(row, Relevant, relevantError);
            }
        }

        node.Question = new Question
        {
            Code = node.Code,
            Type = type,
            Title = row.Text(Label)!,
            Help = row.Text(Hint),
            Required = Flag(row),
            AllowOther = node.AllowOther,
            MaxChoices = limits.MaxChoices,
            Unit = row.Text(Unit),
            Min = limits.Min,
            Max = limits.Max,
            Decimals = node.Decimals,
            MaxLength = limits.MaxLength,
            ShowWhen = showWhen,
            Indicator = IndicatorOf(row),
            SameAs = row.Get(SameAs)?.Trim(),
            MinItems = XlsFormReader.Whole(row, MinItems, problems),
            MaxItems = XlsFormReader.Whole(row, MaxItems, problems),
            ItemTitle = row.Text(ItemTitle),
        };
        return node;
    }

    private QuestionType TypeOf(XlsFormSheet.Row row, List<string> tokens, QuestionNode node)
    {
        var decimals = XlsFormReader.Whole(row, Decimals, problems);
        node.Decimals = decimals;
        var appearance = row.Get(Appearance)?.Trim();
        switch (tokens[0])
        {
            case "select_one" or "select_multiple" when tokens.Count is 2 or 3 && (tokens.Count == 2 || tokens[2] == "or_other"):
                node.AllowOther = tokens.Count == 3;
                if (tokens[0] == "select_one" && tokens[1] == YesNoList)
                {
                    if (node.AllowOther)
                    {
                        Problem(row, TypeColumn, "A yes/no question has no 'other'.");
                    }

                    return QuestionType.YesNo;
                }

                if (lists.TryGetValue(tokens[1], out var options))
                {
                    node.Options.AddRange(options);
                }
                else
                {
                    Problem(row, TypeColumn, $"The sheet '{Choices}' has no list '{tokens[1]}'.");
                }

                return tokens[0] == "select_one" ? QuestionType.SingleChoice : QuestionType.MultipleChoice;
            case "integer" when tokens.Count == 1:
                if (decimals is > 0)
                {
                    Problem(row, Decimals, "An integer has no decimals: use the type decimal.");
                }

                return QuestionType.Number;
            case "decimal" when tokens.Count == 1:
                node.Decimals = decimals ?? 2;
                return QuestionType.Number;
            case "text" when tokens.Count == 1:
                switch (appearance)
                {
                    case null:
                        return QuestionType.ShortText;
                    case "multiline":
                        return QuestionType.LongText;
                    case "url":
                        return QuestionType.Url;
                    default:
                        Problem(row, Appearance, $"'{appearance}' is not an appearance the portal reads: leave it empty (one line), or write multiline or url.");
                        return QuestionType.ShortText;
                }

            case "begin_repeat" when tokens.Count == 1:
                return QuestionType.Group;
            default:
                Problem(row, TypeColumn, $"'{string.Join(' ', tokens)}' is not a type the portal reads: {Types}.");
                return QuestionType.ShortText;
        }
    }

    private bool Flag(XlsFormSheet.Row row)
    {
        var text = row.Get(Required)?.Trim().ToLowerInvariant();
        switch (text)
        {
            case null or "no" or "false" or "0":
                return false;
            case "yes" or "true" or "1":
                return true;
            default:
                Problem(row, Required, $"'{text}' is not yes or no.");
                return false;
        }
    }

    private IndicatorDefinition? IndicatorOf(XlsFormSheet.Row row)
    {
        var kind = row.Get(Indicator)?.Trim().ToLowerInvariant();
        var label = row.Text(IndicatorLabel);
        if (kind is null)
        {
            if (label is not null)
            {
                Problem(row, Indicator, "An indicator label needs the indicator's kind: share, choice or mean.");
            }

            return null;
        }

        if (Enum.TryParse<IndicatorKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _))
        {
            return new IndicatorDefinition(parsed, label!);
        }

        Problem(row, Indicator, $"'{kind}' is not an indicator kind: share (yes/no), choice (choices) or mean (numbers).");
        return null;
    }

    private void Problem(XlsFormSheet.Row row, string column, string message) => problems.Add(new DefinitionProblem(row.Where(column), message));

    private void Problem(int row, string column, string message) => problems.Add(new DefinitionProblem(survey.Where(row, column), message));
}

internal sealed class SectionNode(XlsFormSheet.Row row, string code, LocalizedText title, LocalizedText? intro)
{
    public string Code => code;

    public List<SubsectionNode> Subsections { get; } = [];

    public Section Build() => new() { Code = code, Title = title, Intro = intro, Subsections = [.. Subsections.Select(s => s.Build())] };

    public void Place(string path, Dictionary<string, (XlsFormSheet Sheet, int Row)> places)
    {
        places[path] = (row.Sheet, row.Number);
        for (var i = 0; i < Subsections.Count; i++)
        {
            Subsections[i].Place($"{path}.subsections[{i}]", places);
        }
    }
}

internal sealed class SubsectionNode(XlsFormSheet.Row row, string code, LocalizedText title, LocalizedText? help)
{
    public string Code => code;

    public List<QuestionNode> Questions { get; } = [];

    public Subsection Build() => new() { Code = code, Title = title, Help = help, Questions = [.. Questions.Select(q => q.Build())] };

    public void Place(string path, Dictionary<string, (XlsFormSheet Sheet, int Row)> places)
    {
        places[path] = (row.Sheet, row.Number);
        for (var i = 0; i < Questions.Count; i++)
        {
            Questions[i].Place($"{path}.questions[{i}]", places);
        }
    }
}

internal sealed class QuestionNode(XlsFormSheet.Row row)
{
    public string Code { get; init; } = string.Empty;

    public Question Question { get; set; } = null!;

    public bool AllowOther { get; set; }

    public int? Decimals { get; set; }

    public List<(XlsFormSheet.Row Row, ChoiceOption Option)> Options { get; } = [];

    public List<QuestionNode> Fields { get; } = [];

    public Question Build() => Question with
    {
        Options = [.. Options.Select(o => o.Option)],
        Questions = [.. Fields.Select(f => f.Build())],
    };

    public void Place(string path, Dictionary<string, (XlsFormSheet Sheet, int Row)> places)
    {
        places[path] = (row.Sheet, row.Number);
        for (var i = 0; i < Options.Count; i++)
        {
            places[$"{path}.options[{i}]"] = (Options[i].Row.Sheet, Options[i].Row.Number);
        }

        for (var i = 0; i < Fields.Count; i++)
        {
            Fields[i].Place($"{path}.questions[{i}]", places);
        }
    }
}
