using System.Globalization;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Application.Features.Imports;

/// <summary>
/// Reads one CSV cell as an answer, the way the responses export writes it: yes/no as <c>yes</c> / <c>no</c>,
/// numbers with a dot for decimals, choices as option codes joined by <c>|</c>, text as it is. Only the shape is
/// checked here; options, limits and conditions are the questionnaire rules' business.
/// </summary>
internal static class AnswerCells
{
    /// <returns>False with a reason when the cell cannot be an answer of that type.</returns>
    public static bool TryRead(Question question, string cell, out AnswerValue value, out string? error)
    {
        var trimmed = cell.Trim();
        value = AnswerValue.Empty;
        error = null;
        switch (question.Type)
        {
            case QuestionType.YesNo when trimmed.Equals("yes", StringComparison.OrdinalIgnoreCase):
                value = AnswerValue.Yes;
                return true;
            case QuestionType.YesNo when trimmed.Equals("no", StringComparison.OrdinalIgnoreCase):
                value = AnswerValue.No;
                return true;
            case QuestionType.YesNo:
                error = $"'{Shorten(trimmed)}' is not yes or no.";
                return false;
            case QuestionType.Number when decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number):
                value = AnswerValue.OfNumber(number);
                return true;
            case QuestionType.Number:
                error = $"'{Shorten(trimmed)}' is not a number (digits, with a dot for decimals and no thousands separators).";
                return false;
            case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                var codes = trimmed.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (codes.Length == 0)
                {
                    error = $"'{Shorten(trimmed)}' names no option; write option codes joined by |.";
                    return false;
                }

                value = AnswerValue.OfChoices(codes);
                return true;
            case QuestionType.ShortText or QuestionType.LongText or QuestionType.Url:
                value = AnswerValue.OfText(cell);
                return true;
            default:
                error = "Lists of items cannot be imported from CSV.";
                return false;
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "…";
}
