namespace SmartCitiesStudy.Domain.Questionnaires;

/// <summary>What kind of answer a question takes. JSON names are snake_case (yes_no, single_choice, …).</summary>
public enum QuestionType
{
    YesNo,
    SingleChoice,
    MultipleChoice,
    Number,
    ShortText,
    LongText,
    Url,

    /// <summary>A repeatable block of fields, such as a good practice.</summary>
    Group,
}

public static class QuestionTypes
{
    public static bool IsChoice(this QuestionType type) => type is QuestionType.SingleChoice or QuestionType.MultipleChoice;

    public static bool IsText(this QuestionType type) => type is QuestionType.ShortText or QuestionType.LongText or QuestionType.Url;

    /// <summary>The JSON / CSV name of the type.</summary>
    public static string Code(this QuestionType type) => type switch
    {
        QuestionType.YesNo => "yes_no",
        QuestionType.SingleChoice => "single_choice",
        QuestionType.MultipleChoice => "multiple_choice",
        QuestionType.Number => "number",
        QuestionType.ShortText => "short_text",
        QuestionType.LongText => "long_text",
        QuestionType.Url => "url",
        QuestionType.Group => "group",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
