using System.Globalization;
using Microsoft.Extensions.Localization;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Web.Features.Questionnaires.Form;

/// <summary>An answer as people read it: "Yes", option titles, "30.5 %", the text; in the person's language.</summary>
public static class AnswerDisplay
{
    public static string Text(Question question, AnswerValue value, string language, IStringLocalizer localizer)
    {
        if (value.IsEmpty)
        {
            return localizer["(no answer)"];
        }

        switch (question.Type)
        {
            case QuestionType.YesNo:
                return value.Bool == true ? localizer["Yes"] : localizer["No"];
            case QuestionType.Number when value.Number is { } number:
                var unit = question.Unit?.Get(language);
                var formatted = NumberText.Format(number, CultureInfo.CurrentCulture);
                return string.IsNullOrEmpty(unit) ? formatted : $"{formatted} {unit}";
            case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                var titles = (value.Codes ?? []).Select(code => code == Question.OtherCode
                    ? $"{localizer["Other"]}: {value.Other}"
                    : question.Options.FirstOrDefault(o => o.Code == code)?.Title.Get(language) ?? code);
                return string.Join("; ", titles);
            case QuestionType.Group:
                return string.Format(CultureInfo.CurrentCulture, localizer["{0} item(s)"], value.Items?.Count ?? 0);
            default:
                return value.Text ?? string.Empty;
        }
    }
}
