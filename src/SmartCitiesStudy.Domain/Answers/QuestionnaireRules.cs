using System.Globalization;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Domain.Answers;

/// <summary>
/// The one implementation of a questionnaire's conditions and validation, used by the form, the CSV import, the API,
/// the review screen and the indicators: which questions are shown, whether an answer is acceptable, what is still
/// missing, and how complete each section is.
/// </summary>
public sealed class QuestionnaireRules(QuestionnaireDefinition definition)
{
    private readonly Dictionary<string, Question> _topLevel = definition.Questions.ToDictionary(q => q.Code);

    public QuestionnaireDefinition Definition { get; } = definition;

    /// <summary>Finds the question a path answers: a top-level question, or a field of a group item.</summary>
    public bool TryResolve(string path, out Question question, out Question? group, out string? itemId)
    {
        group = null;
        itemId = null;
        if (_topLevel.TryGetValue(path, out question!))
        {
            return true;
        }

        if (AnswerPath.TryParseField(path, out var groupCode, out var id, out var fieldCode)
            && _topLevel.TryGetValue(groupCode, out var g) && g.Type == QuestionType.Group
            && g.Questions.FirstOrDefault(f => f.Code == fieldCode) is { } field)
        {
            (question, group, itemId) = (field, g, id);
            return true;
        }

        question = null!;
        return false;
    }

    /// <summary>
    /// Whether a question is shown given the answers: its condition holds and the question it depends on is itself
    /// shown. <paramref name="itemId"/> is set for fields of a group item (conditions may look at sibling fields).
    /// </summary>
    public bool IsShown(Question question, IReadOnlyDictionary<string, AnswerValue> answers, Question? group = null, string? itemId = null)
    {
        if (group is not null && !IsShown(group, answers))
        {
            return false;
        }

        if (question.ShowWhen is not { } condition)
        {
            return true;
        }

        Question? parent = null;
        string parentPath;
        if (group is not null && itemId is not null && group.Questions.FirstOrDefault(f => f.Code == condition.Question) is { } sibling)
        {
            parent = sibling;
            parentPath = AnswerPath.Field(group.Code, itemId, sibling.Code);
            if (!IsShown(sibling, answers, group, itemId))
            {
                return false;
            }
        }
        else if (_topLevel.TryGetValue(condition.Question, out parent))
        {
            parentPath = parent.Code;
            if (!IsShown(parent, answers))
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        if (!answers.TryGetValue(parentPath, out var value) || value.IsEmpty)
        {
            return false;
        }

        return parent.Type == QuestionType.YesNo
            ? value.Bool is { } b && condition.AcceptedValues.Contains(b ? "yes" : "no")
            : (value.Codes ?? []).Any(condition.AcceptedValues.Contains);
    }

    /// <summary>Checks one value against its question's type and limits. An empty value (a cleared answer) is fine.</summary>
    public static IReadOnlyList<AnswerProblem> ValidateValue(Question question, string path, AnswerValue value)
    {
        if (value.IsEmpty)
        {
            return [];
        }

        var problems = new List<AnswerProblem>();
        void Add(string code, string message, params object[] args) => problems.Add(new AnswerProblem(path, code, message, args));

        var wrongShape = question.Type switch
        {
            QuestionType.YesNo => value.Bool is null || value.Number is not null || value.Text is not null || value.Codes is not null || value.Items is not null,
            QuestionType.Number => value.Number is null || value.Bool is not null || value.Text is not null || value.Codes is not null || value.Items is not null,
            QuestionType.ShortText or QuestionType.LongText or QuestionType.Url =>
                value.Text is null || value.Bool is not null || value.Number is not null || value.Codes is not null || value.Items is not null,
            QuestionType.SingleChoice or QuestionType.MultipleChoice =>
                value.Codes is null || value.Bool is not null || value.Number is not null || value.Text is not null || value.Items is not null,
            QuestionType.Group => value.Items is null || value.Bool is not null || value.Number is not null || value.Text is not null || value.Codes is not null,
            _ => true,
        };
        if (wrongShape)
        {
            Add(AnswerProblemCodes.WrongType, $"'{question.Code}' expects a {Describe(question.Type)} answer.", Describe(question.Type));
            return problems;
        }

        switch (question.Type)
        {
            case QuestionType.Number:
                var n = value.Number!.Value;
                if (question.Min is { } min && n < min)
                {
                    Add(AnswerProblemCodes.BelowMin, $"{Format(n)} is below the minimum of {Format(min)}.", n, min);
                }

                if (question.Max is { } max && n > max)
                {
                    Add(AnswerProblemCodes.AboveMax, $"{Format(n)} is above the maximum of {Format(max)}.", n, max);
                }

                if (decimal.Round(n, question.EffectiveDecimals) != n)
                {
                    Add(AnswerProblemCodes.TooManyDecimals, $"{Format(n)} has more than {question.EffectiveDecimals} decimal place(s).", n, question.EffectiveDecimals);
                }

                break;
            case QuestionType.ShortText or QuestionType.LongText or QuestionType.Url:
                var text = value.Text!;
                if (text.Length > question.EffectiveMaxLength)
                {
                    Add(AnswerProblemCodes.TooLong, $"The text has {text.Length} characters; at most {question.EffectiveMaxLength} are allowed.", text.Length, question.EffectiveMaxLength);
                }
                else if (question.Type == QuestionType.Url && !IsWebAddress(text.Trim()))
                {
                    Add(AnswerProblemCodes.InvalidUrl, $"'{Shorten(text)}' is not a web address starting with http:// or https://.", Shorten(text));
                }

                break;
            case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                ValidateChoices(question, value, Add);
                break;
            case QuestionType.Group:
                var items = value.Items!;
                if (items.Count > question.EffectiveMaxItems)
                {
                    Add(AnswerProblemCodes.TooManyItems, $"At most {question.EffectiveMaxItems} items are allowed; there are {items.Count}.", question.EffectiveMaxItems, items.Count);
                }

                if (items.Any(i => !AnswerPath.IsValidItemId(i)) || items.Distinct(StringComparer.Ordinal).Count() != items.Count)
                {
                    Add(AnswerProblemCodes.InvalidItem, "The list of items is damaged (an item id is missing or repeated).");
                }

                break;
        }

        return problems;
    }

    /// <summary>
    /// Checks a whole set of answers. Always: unknown paths, values that break their question's rules, group fields
    /// of items that are not in the group. With <paramref name="refuseHidden"/> (imports): answers to questions hidden
    /// by their condition. With <paramref name="requireComplete"/> (submit): required questions shown but unanswered.
    /// </summary>
    public IReadOnlyList<AnswerProblem> Check(IReadOnlyDictionary<string, AnswerValue> answers, bool requireComplete, bool refuseHidden = false)
    {
        var problems = new List<AnswerProblem>();
        foreach (var (path, value) in answers.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (value.IsEmpty)
            {
                continue;
            }

            if (!TryResolve(path, out var question, out var group, out var itemId))
            {
                problems.Add(new AnswerProblem(path, AnswerProblemCodes.UnknownQuestion, $"There is no question '{path}' in this questionnaire."));
                continue;
            }

            if (group is not null && !(answers.TryGetValue(group.Code, out var groupValue) && (groupValue.Items ?? []).Contains(itemId!)))
            {
                problems.Add(new AnswerProblem(path, AnswerProblemCodes.InvalidItem, $"Item '{itemId}' is not in '{group.Code}'."));
                continue;
            }

            problems.AddRange(ValidateValue(question, path, value));
            if (refuseHidden && !IsShown(question, answers, group, itemId))
            {
                var condition = question.ShowWhen!;
                problems.Add(new AnswerProblem(
                    path,
                    AnswerProblemCodes.HiddenByCondition,
                    $"'{question.Code}' is only asked when '{condition.Question}' is {string.Join(" or ", condition.AcceptedValues)}.",
                    [condition.Question, string.Join(" or ", condition.AcceptedValues)]));
            }
        }

        if (requireComplete)
        {
            problems.AddRange(MissingRequired(answers));
        }

        return problems;
    }

    /// <summary>Required questions (and required fields of each group item) that are shown but not answered.</summary>
    public IEnumerable<AnswerProblem> MissingRequired(IReadOnlyDictionary<string, AnswerValue> answers)
    {
        foreach (var question in Definition.Questions)
        {
            if (!IsShown(question, answers))
            {
                continue;
            }

            var value = answers.GetValueOrDefault(question.Code);
            if (question.Type == QuestionType.Group)
            {
                var items = value?.Items ?? [];
                var minimum = Math.Max(question.MinItems ?? 0, question.Required ? 1 : 0);
                if (items.Count < minimum)
                {
                    yield return new AnswerProblem(question.Code, AnswerProblemCodes.TooFewItems, $"'{question.Code}' needs at least {minimum} item(s).", [minimum]);
                }

                foreach (var itemId in items)
                {
                    foreach (var field in question.Questions.Where(f => f.Required && IsShown(f, answers, question, itemId)))
                    {
                        var path = AnswerPath.Field(question.Code, itemId, field.Code);
                        if (answers.GetValueOrDefault(path) is not { IsEmpty: false })
                        {
                            yield return new AnswerProblem(path, AnswerProblemCodes.Required, $"'{field.Code}' is required in each '{question.Code}' item.");
                        }
                    }
                }
            }
            else if (question.Required && value is not { IsEmpty: false })
            {
                yield return new AnswerProblem(question.Code, AnswerProblemCodes.Required, $"'{question.Code}' is required.");
            }
        }
    }

    /// <summary>
    /// How far each section is: shown top-level questions that have an acceptable answer, out of those shown.
    /// A group counts as answered once it has an item.
    /// </summary>
    public IReadOnlyList<SectionProgress> Progress(IReadOnlyDictionary<string, AnswerValue> answers) =>
    [
        .. Definition.Sections.Select(section =>
        {
            var shown = section.Questions.Where(q => IsShown(q, answers)).ToList();
            var answered = shown.Count(q => IsAnswered(q, answers.GetValueOrDefault(q.Code)));
            return new SectionProgress(section.Code, answered, shown.Count);
        }),
    ];

    /// <summary>How complete the whole response is: answered out of shown questions over all sections, rounded down; 0 when nothing is shown.</summary>
    public int PercentComplete(IReadOnlyDictionary<string, AnswerValue> answers)
    {
        var sections = Progress(answers);
        var shown = sections.Sum(s => s.Shown);
        return shown == 0 ? 0 : (int)Math.Floor(100.0 * sections.Sum(s => s.Answered) / shown);
    }

    /// <summary>Whether a value counts as an answer: not empty and valid (an invalid value is not counted).</summary>
    public static bool IsAnswered(Question question, AnswerValue? value) =>
        value is { IsEmpty: false } && ValidateValue(question, question.Code, value).Count == 0;

    private static void ValidateChoices(Question question, AnswerValue value, Action<string, string, object[]> add)
    {
        var codes = value.Codes!;
        if (question.Type == QuestionType.SingleChoice && codes.Count > 1)
        {
            add(AnswerProblemCodes.OneChoiceOnly, $"'{question.Code}' takes one option; {codes.Count} were given.", [codes.Count]);
        }

        foreach (var code in codes.Where(c => !question.HasOption(c)).Distinct(StringComparer.Ordinal))
        {
            add(AnswerProblemCodes.UnknownOption, $"'{code}' is not an option of '{question.Code}'.", [code]);
        }

        if (question.MaxChoices is { } max && codes.Distinct(StringComparer.Ordinal).Count() > max)
        {
            add(AnswerProblemCodes.TooManyChoices, $"At most {max} options may be chosen.", [max]);
        }

        if (codes.Contains(Question.OtherCode))
        {
            if (string.IsNullOrWhiteSpace(value.Other))
            {
                add(AnswerProblemCodes.OtherTextMissing, "Say what 'other' is.", []);
            }
            else if (value.Other.Length > Question.MaxOtherLength)
            {
                add(AnswerProblemCodes.TooLong, $"The 'other' text has {value.Other.Length} characters; at most {Question.MaxOtherLength} are allowed.", [value.Other.Length, Question.MaxOtherLength]);
            }
        }
    }

    private static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Contains('.', StringComparison.Ordinal);

    private static string Describe(QuestionType type) => type switch
    {
        QuestionType.YesNo => "yes/no",
        QuestionType.Number => "number",
        QuestionType.SingleChoice => "single choice",
        QuestionType.MultipleChoice => "multiple choice",
        QuestionType.Group => "list of items",
        _ => "text",
    };

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
}

/// <summary>How many of a section's shown questions have an acceptable answer.</summary>
public sealed record SectionProgress(string SectionCode, int Answered, int Shown)
{
    public int Percent => Shown == 0 ? 100 : (int)Math.Floor(100.0 * Answered / Shown);
}
