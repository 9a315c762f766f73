using System.Globalization;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Domain.Tests.Indicators;

/// <summary>
/// A questionnaire and random stored answers full of the cases the counting rules must get right: condition chains
/// three deep (not met, met, parent hidden), a parent without a figure, "other" with free texts, unknown options,
/// numbers out of range or with too many decimals, wrong types, empty and damaged values, a region nobody is from,
/// cities without a population and populations on the band boundaries. Also linked into the application tests.
/// </summary>
public static class GeneratedStudy
{
    public const string Damaged = "{\"bool\":";

    private static LocalizedText T(string en) => new(en);

    public static QuestionnaireDefinition Definition(string edition) => new()
    {
        Edition = edition,
        Title = T("Generated"),
        Sections =
        [
            new Section
            {
                Code = "all",
                Title = T("All"),
                Subsections =
                [
                    new Subsection
                    {
                        Code = "main",
                        Title = T("Main"),
                        Questions =
                        [
                            new Question { Code = "p", Type = QuestionType.YesNo, Title = T("Parent?") },
                            new Question { Code = "c", Type = QuestionType.YesNo, Title = T("Child?"), ShowWhen = new("p", "yes") },
                            new Question
                            {
                                Code = "g", Type = QuestionType.MultipleChoice, Title = T("Grandchild"), AllowOther = true, ShowWhen = new("c", "yes"),
                                Options = [new("a", T("A")), new("b", T("B")), new("c", T("C"))],
                            },
                            new Question { Code = "h", Type = QuestionType.YesNo, Title = T("Third level?"), ShowWhen = new("g", AnyOf: ["a", "other"]) },
                            new Question
                            {
                                Code = "lead", Type = QuestionType.SingleChoice, Title = T("Lead"),
                                Options = [new("x", T("X")), new("y", T("Y"))],
                            },
                            new Question { Code = "n", Type = QuestionType.Number, Title = T("Share"), Min = 0, Max = 100, Decimals = 1 },
                            new Question { Code = "nc", Type = QuestionType.Number, Title = T("Only for x"), Min = 0, Max = 10, ShowWhen = new("lead", "x") },
                            new Question { Code = "quiet", Type = QuestionType.YesNo, Title = T("No figure"), Indicator = IndicatorDefinition.OptedOut },
                            new Question { Code = "qc", Type = QuestionType.YesNo, Title = T("Shown on no"), ShowWhen = new("quiet", "no") },
                            new Question { Code = "qy", Type = QuestionType.YesNo, Title = T("Shown on yes of a quiet parent"), ShowWhen = new("quiet", "yes") },
                            new Question { Code = "text", Type = QuestionType.LongText, Title = T("Never a figure") },
                        ],
                    },
                ],
            },
        ],
    };

    private static readonly Region[] Regions = [Region.Africa, Region.America, Region.Europe, Region.Oceania]; // nobody from Asia
    private static readonly long?[] Populations = [null, 49_999, 50_000, 99_999, 100_000, 999_999, 1_000_000, 3_000_000];

    /// <summary>Stored answers (JSON as in the database) of <paramref name="count"/> responses.</summary>
    public static List<GeneratedResponse> Responses(int count, int seed)
    {
        var random = new Random(seed);
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        string? YesNo() => Pick<string?>([null, Json(AnswerValue.Yes), Json(AnswerValue.Yes), Json(AnswerValue.No), Json(AnswerValue.OfNumber(1)), Json(AnswerValue.Empty), Damaged]);
        string? Choice(string[] options, bool multiple, int i)
        {
            var codes = options.Where(_ => random.Next(3) == 0).ToList();
            return random.Next(9) switch
            {
                0 => null,
                1 => Json(AnswerValue.OfChoices([])),
                2 => Json(AnswerValue.OfChoice("unknown")),
                3 => Json(AnswerValue.OfBool(true)),
                4 when multiple => Json(AnswerValue.OfChoices([.. codes, "other"], "Other text " + i.ToString(CultureInfo.InvariantCulture))),
                _ => Json(AnswerValue.OfChoices(multiple ? codes : [Pick(options)])),
            };
        }

        string? Number(int max, int i) => random.Next(6) switch
        {
            0 => null,
            1 => Json(AnswerValue.OfNumber(max + 1 + random.Next(5))), // out of range
            2 => Json(AnswerValue.OfNumber(1.25m)), // too many decimals for n (none allowed for nc)
            3 => Json(AnswerValue.OfText("twelve")),
            _ => Json(AnswerValue.OfNumber(Math.Round((decimal)random.NextDouble() * max, i % 2))),
        };

        var responses = new List<GeneratedResponse>(count);
        for (var i = 0; i < count; i++)
        {
            var answers = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["p"] = YesNo(),
                ["c"] = YesNo(),
                ["g"] = Choice(["a", "b", "c"], multiple: true, i),
                ["h"] = YesNo(),
                ["lead"] = Choice(["x", "y"], multiple: false, i),
                ["n"] = Number(100, i),
                ["nc"] = Number(10, 0),
                ["quiet"] = YesNo(),
                ["qc"] = YesNo(),
                ["qy"] = YesNo(),
                ["text"] = Json(AnswerValue.OfText("Some text")),
            };
            responses.Add(new GeneratedResponse(
                Pick(Regions),
                Pick(Populations),
                answers.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value!, StringComparer.Ordinal)));
        }

        return responses;
    }

    private static string Json(AnswerValue value) => value.ToJson();

    /// <summary>What the calculator takes: the parsed answers, damaged ones left out (as the loader does).</summary>
    public static CountedResponse Counted(GeneratedResponse response) => new(
        response.Region,
        response.Population is { } p ? PopulationBands.For(p) : null,
        response.Answers.Where(a => a.Value != Damaged).ToDictionary(a => a.Key, a => AnswerValue.FromJson(a.Value), StringComparer.Ordinal));
}

public sealed record GeneratedResponse(Region Region, long? Population, IReadOnlyDictionary<string, string> Answers);
