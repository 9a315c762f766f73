using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Web.Features.Reader;

/// <summary>The study fields a good practice can belong to: the options of the good-practice group's "field" question.</summary>
public static class PracticeFields
{
    public const string FieldCode = "field";

    public static IReadOnlyList<ChoiceOption> Options(QuestionnaireDefinition definition) =>
        definition.Find(ListGoodPractices.GroupCode)?.Questions.FirstOrDefault(q => q.Code == FieldCode)?.Options ?? [];

    public static string Label(IReadOnlyList<ChoiceOption> options, string? code, string language) =>
        options.FirstOrDefault(o => o.Code == code)?.Title.Get(language) ?? code ?? string.Empty;
}
