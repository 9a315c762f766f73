using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Domain.Tests.Questionnaires;

/// <summary>A small questionnaire with one question of each type, a condition chain and a good-practice group.</summary>
internal static class SampleQuestionnaire
{
    public static LocalizedText T(string en) => new(en, en + " (es)", en + " (fr)");

    public static QuestionnaireDefinition Create() => new()
    {
        Edition = "2017",
        Title = T("Sample"),
        Sections =
        [
            new Section
            {
                Code = "innovation",
                Title = T("Innovation"),
                Subsections =
                [
                    new Subsection
                    {
                        Code = "smart_specialisation",
                        Title = T("Smart specialisation"),
                        Questions =
                        [
                            new Question { Code = "ss_strategy", Type = QuestionType.YesNo, Title = T("Strategy?"), Required = true, Indicator = new(IndicatorKind.Share, T("have a strategy")) },
                            new Question { Code = "ss_formalised", Type = QuestionType.YesNo, Title = T("Formalised?"), Required = true, ShowWhen = new("ss_strategy", "yes") },
                            new Question { Code = "ss_document", Type = QuestionType.ShortText, Title = T("Document name"), Required = true, ShowWhen = new("ss_formalised", "yes") },
                            new Question
                            {
                                Code = "investment_factors", Type = QuestionType.MultipleChoice, Title = T("Factors"), AllowOther = true, MaxChoices = 3,
                                Options = [new("qualified_human_capital", T("Human capital")), new("innovation_centres", T("Centres")), new("geographic_position", T("Position"))],
                            },
                            new Question
                            {
                                Code = "main_sector", Type = QuestionType.SingleChoice, Title = T("Main sector"),
                                Options = [new("ict", T("ICT")), new("tourism", T("Tourism"))],
                            },
                            new Question { Code = "tourism_share", Type = QuestionType.Number, Title = T("Tourism share"), ShowWhen = new("main_sector", null, ["tourism"]), Min = 0, Max = 100, Decimals = 1, Unit = T("%") },
                        ],
                    },
                ],
            },
            new Section
            {
                Code = "knowledge_talent",
                Title = T("Knowledge and talent"),
                Subsections =
                [
                    new Subsection
                    {
                        Code = "university",
                        Title = T("University"),
                        Questions =
                        [
                            new Question { Code = "university_share_25_30", Type = QuestionType.Number, Title = T("Share"), Min = 0, Max = 100, Decimals = 1, Indicator = new(IndicatorKind.Mean, T("share")) },
                            new Question { Code = "talent_notes", Type = QuestionType.LongText, Title = T("Notes"), MaxLength = 50 },
                            new Question { Code = "talent_site", Type = QuestionType.Url, Title = T("Website") },
                        ],
                    },
                ],
            },
            new Section
            {
                Code = "good_practices",
                Title = T("Good practices"),
                Subsections =
                [
                    new Subsection
                    {
                        Code = "practices",
                        Title = T("Practices"),
                        Questions =
                        [
                            new Question
                            {
                                Code = "good_practices", Type = QuestionType.Group, Title = T("Good practices"), MaxItems = 2, ItemTitle = T("Good practice"),
                                Questions =
                                [
                                    new Question { Code = "field", Type = QuestionType.SingleChoice, Title = T("Field"), Required = true, Options = [new("innovation", T("Innovation")), new("knowledge_talent", T("Knowledge"))] },
                                    new Question { Code = "title", Type = QuestionType.ShortText, Title = T("Title"), Required = true },
                                    new Question { Code = "innovation_detail", Type = QuestionType.LongText, Title = T("Detail"), ShowWhen = new("field", "innovation") },
                                    new Question { Code = "website", Type = QuestionType.Url, Title = T("Website") },
                                ],
                            },
                        ],
                    },
                ],
            },
        ],
    };
}
