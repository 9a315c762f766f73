namespace SmartCitiesStudy.Domain.Answers;

/// <summary>
/// Why an answer is not acceptable. <see cref="Code"/> is stable (the UI translates by it, with
/// <see cref="Arguments"/>); <see cref="Message"/> is the English sentence for imports, the API and logs.
/// </summary>
public sealed record AnswerProblem(string Path, string Code, string Message, IReadOnlyList<object>? Arguments = null)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>The stable codes of <see cref="AnswerProblem"/>.</summary>
public static class AnswerProblemCodes
{
    public const string Required = "required";
    public const string WrongType = "wrong_type";
    public const string BelowMin = "number.below_min";
    public const string AboveMax = "number.above_max";
    public const string TooManyDecimals = "number.decimals";
    public const string TooLong = "text.too_long";
    public const string InvalidUrl = "url.invalid";
    public const string UnknownOption = "choice.unknown_option";
    public const string OneChoiceOnly = "choice.one_only";
    public const string TooManyChoices = "choice.too_many";
    public const string OtherTextMissing = "choice.other_text_missing";
    public const string TooManyItems = "group.too_many_items";
    public const string TooFewItems = "group.too_few_items";
    public const string InvalidItem = "group.invalid_item";
    public const string UnknownQuestion = "unknown_question";
    public const string HiddenByCondition = "hidden_by_condition";
    public const string Unconfirmed = "copied.unconfirmed";
}
