using System.Globalization;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Benchmarks;

/// <summary>
/// A questionnaire with one large section: a realistic mix of questions (yes/no with an indicator, multiple choice
/// with an indicator, numbers with a mean, long texts, and yes/no questions shown only when an earlier one is yes).
/// </summary>
internal static class SyntheticQuestionnaire
{
    public static QuestionnaireDefinition Create(string edition, int questions)
    {
        var list = new List<Question>(questions);
        for (var i = 0; i < questions; i++)
        {
            var code = "q" + i.ToString("000", CultureInfo.InvariantCulture);
            var title = new LocalizedText($"Question {i}: does the city have programme {i}?", $"Pregunta {i}", $"Question {i}");
            list.Add((i % 5) switch
            {
                0 => new Question { Code = code, Type = QuestionType.YesNo, Title = title, Required = true, Help = new LocalizedText("Help text explaining the question in a sentence or two."), Indicator = Label(IndicatorKind.Share, i) },
                1 => new Question { Code = code, Type = QuestionType.MultipleChoice, Title = title, AllowOther = true, Options = [.. Enumerable.Range(0, 6).Select(o => new ChoiceOption($"o{o}", new LocalizedText($"Option {o}")))], Indicator = Label(IndicatorKind.Choice, i) },
                2 => new Question { Code = code, Type = QuestionType.Number, Title = title, Min = 0, Max = 100, Decimals = 1, Unit = new LocalizedText("%"), Indicator = Label(IndicatorKind.Mean, i) },
                3 => new Question { Code = code, Type = QuestionType.LongText, Title = title },
                _ => new Question { Code = code, Type = QuestionType.YesNo, Title = title, ShowWhen = new ShowCondition("q" + (i - 4).ToString("000", CultureInfo.InvariantCulture), "yes"), Indicator = Label(IndicatorKind.Share, i) },
            });
        }

        return new QuestionnaireDefinition
        {
            Edition = edition,
            Title = new LocalizedText("Synthetic questionnaire"),
            Sections =
            [
                new Section
                {
                    Code = "large",
                    Title = new LocalizedText("A section with many questions"),
                    Subsections = [.. list.Chunk(20).Select((chunk, n) => new Subsection { Code = "sub" + n.ToString(CultureInfo.InvariantCulture), Title = new LocalizedText($"Part {n}"), Questions = chunk })],
                },
            ],
        };
    }

    private static IndicatorDefinition Label(IndicatorKind kind, int i) =>
        new(kind, new LocalizedText($"do thing {i}", $"hacen la cosa {i}", $"font la chose {i}"));
}
