using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Infrastructure.Questionnaires;

namespace SmartCitiesStudy.Application.Tests.Features.Questionnaires;

/// <summary>questionnaire.schema.json stays in step with the reader: what ships passes, what the reader refuses fails.</summary>
public sealed class QuestionnaireSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(QuestionnaireSchema.Read());

    private static bool SchemaAccepts(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
    }

    private static string Describe(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return string.Join('\n', (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Take(10)
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));
    }

    [Theory]
    [InlineData("2012")]
    [InlineData("2017")]
    [InlineData("2019")]
    public void Every_shipped_questionnaire_passes_the_schema(string edition)
    {
        var json = ShippedQuestionnaires.Read(edition)!;
        Assert.True(SchemaAccepts(json), Describe(json));
    }

    [Fact]
    public void Same_as_links_pass_the_schema()
    {
        var root = JsonNode.Parse(ShippedQuestionnaires.Read("2019")!)!.AsObject();
        var question = root["sections"]![0]!["subsections"]![0]!["questions"]![0]!.AsObject();
        question["sameAs"] = "2017:ss_strategy";
        var json = root.ToJsonString();
        Assert.NotNull(QuestionnaireJson.Parse(json).Definition);
        Assert.True(SchemaAccepts(json), Describe(json));
    }

    [Fact]
    public void What_the_writer_produces_passes_the_schema()
    {
        var definition = QuestionnaireJson.Parse(ShippedQuestionnaires.Read("2017")!).Definition!;
        var json = QuestionnaireJson.Write(definition with { Sections = [.. definition.Sections.Take(1)] });
        Assert.True(SchemaAccepts(json), Describe(json));
    }

    /// <summary>Shapes the reader refuses, each made from the shipped 2017 questionnaire by one change.</summary>
    public static TheoryData<string> RefusedShapes => new()
    {
        "unknown question type",
        "missing question code",
        "question code not snake_case",
        "unknown property",
        "missing title",
        "missing English text",
        "required is not a boolean",
        "options on a yes/no question",
        "single choice with one option",
        "option code 'other'",
        "share indicator on a number",
        "showWhen with neither equals nor anyOf",
        "decimals above 6",
        "no sections",
        "group inside a group",
        "format 2",
        "sameAs without an edition",
    };

    [Theory]
    [MemberData(nameof(RefusedShapes))]
    public void Shapes_the_reader_refuses_are_refused_by_the_schema(string change)
    {
        var root = JsonNode.Parse(ShippedQuestionnaires.Read("2017")!)!.AsObject();
        var question = root["sections"]![0]!["subsections"]![0]!["questions"]![0]!.AsObject(); // ss_strategy, yes_no
        var sections = root["sections"]!.AsArray();
        var group = sections[sections.Count - 1]!["subsections"]![0]!["questions"]![0]!.AsObject();   // good_practices
        var choice = FirstWhere(root, q => (string?)q["type"] == "single_choice") ?? group["questions"]![0]!.AsObject();
        var number = FirstWhere(root, q => (string?)q["type"] == "number")!;
        switch (change)
        {
            case "unknown question type": question["type"] = "slider"; break;
            case "missing question code": question.Remove("code"); break;
            case "question code not snake_case": question["code"] = "SS-Strategy"; break;
            case "unknown property": question["colour"] = "red"; break;
            case "missing title": question.Remove("title"); break;
            case "missing English text": question["title"]!.AsObject().Remove("en"); break;
            case "required is not a boolean": question["required"] = "yes"; break;
            case "options on a yes/no question": question["options"] = JsonNode.Parse("""[{"code":"a","title":{"en":"A"}},{"code":"b","title":{"en":"B"}}]"""); break;
            case "single choice with one option": choice["options"] = JsonNode.Parse("""[{"code":"a","title":{"en":"A"}}]"""); break;
            case "option code 'other'": choice["options"]![0]!["code"] = "other"; break;
            case "share indicator on a number": number["indicator"] = JsonNode.Parse("""{"kind":"share","label":{"en":"x"}}"""); break;
            case "showWhen with neither equals nor anyOf": root["sections"]![0]!["subsections"]![0]!["questions"]![1]!["showWhen"] = JsonNode.Parse("""{"question":"ss_strategy"}"""); break;
            case "decimals above 6": number["decimals"] = 7; break;
            case "no sections": root["sections"] = new JsonArray(); break;
            case "group inside a group": group["questions"]![0]!["type"] = "group"; break;
            case "format 2": root["format"] = 2; break;
            case "sameAs without an edition": question["sameAs"] = "ss_strategy"; break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }

        var json = root.ToJsonString();
        Assert.Null(QuestionnaireJson.Parse(json).Definition);
        Assert.False(SchemaAccepts(json), $"The schema accepts a questionnaire with {change}.");
    }

    private static JsonObject? FirstWhere(JsonObject root, Func<JsonObject, bool> match) =>
        root["sections"]!.AsArray()
            .SelectMany(s => s!["subsections"]!.AsArray())
            .SelectMany(s => s!["questions"]!.AsArray())
            .Select(q => q!.AsObject())
            .FirstOrDefault(match);
}
