using System.Globalization;
using Microsoft.Extensions.Localization;
using SmartCitiesStudy.Domain.Answers;

namespace SmartCitiesStudy.Web.Features.Questionnaires.Form;

/// <summary>The engine's answer problems in the person's language (the engine itself speaks English).</summary>
public static class AnswerProblemText
{
    /// <summary>The form's own problem: what was typed in a number box cannot be read as a number.</summary>
    public const string UnreadableNumber = "number.unreadable";

    public static string Describe(IStringLocalizer localizer, AnswerProblem problem)
    {
        var args = problem.Arguments ?? [];
        string F(LocalizedString template) => string.Format(CultureInfo.CurrentCulture, template, [.. args.Select(Display)]);
        return problem.Code switch
        {
            AnswerProblemCodes.Required => localizer["This question needs an answer."],
            AnswerProblemCodes.WrongType => localizer["This answer is not of the expected kind."],
            AnswerProblemCodes.BelowMin => F(localizer["{0} is below the minimum of {1}."]),
            AnswerProblemCodes.AboveMax => F(localizer["{0} is above the maximum of {1}."]),
            AnswerProblemCodes.TooManyDecimals => F(localizer["{0} has more than {1} decimal place(s)."]),
            AnswerProblemCodes.TooLong => F(localizer["The text has {0} characters; at most {1} are allowed."]),
            AnswerProblemCodes.InvalidUrl => localizer["Enter a web address starting with http:// or https://."],
            AnswerProblemCodes.UnknownOption => F(localizer["'{0}' is not one of the options."]),
            AnswerProblemCodes.OneChoiceOnly => localizer["Choose only one option."],
            AnswerProblemCodes.TooManyChoices => F(localizer["Choose at most {0} options."]),
            AnswerProblemCodes.OtherTextMissing => localizer["Say what 'other' is."],
            AnswerProblemCodes.TooManyItems => F(localizer["At most {0} items are allowed; there are {1}."]),
            AnswerProblemCodes.TooFewItems => F(localizer["Add at least {0} item(s)."]),
            UnreadableNumber => localizer["Enter a number, for example 30 or 30.5."],
            AnswerProblemCodes.Unconfirmed => F(localizer["Copied from {0}: confirm it or change it."]),
            _ => problem.Message,
        };
    }

    private static object Display(object value) => value is decimal d ? NumberText.Format(d, CultureInfo.CurrentCulture) : value;
}
