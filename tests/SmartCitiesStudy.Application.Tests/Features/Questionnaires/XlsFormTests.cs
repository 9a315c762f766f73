using MiniExcelLibs;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Infrastructure.Questionnaires;
using SmartCitiesStudy.Infrastructure.Questionnaires.XlsForm;

namespace SmartCitiesStudy.Application.Tests.Features.Questionnaires;

/// <summary>Questionnaires as XLSForm workbooks: lossless both ways, and every refusal names sheet, row and column.</summary>
public sealed class XlsFormTests
{
    private static QuestionnaireDefinition Shipped(string edition) => QuestionnaireJson.Parse(ShippedQuestionnaires.Read(edition)!).Definition!;

    private static MemoryStream Workbook(QuestionnaireDefinition definition)
    {
        var stream = new MemoryStream();
        XlsFormWriter.Write(definition, stream);
        stream.Position = 0;
        return stream;
    }

    [Theory]
    [InlineData("2012")]
    [InlineData("2017")]
    [InlineData("2019")]
    public void Json_to_xlsx_to_json_is_lossless(string edition)
    {
        var definition = Shipped(edition);
        var read = XlsFormReader.Read(Workbook(definition));
        Assert.True(read.Definition is not null, string.Join('\n', read.Problems));
        Assert.Equal(QuestionnaireJson.Write(definition), QuestionnaireJson.Write(read.Definition));
    }

    [Fact]
    public void Same_as_links_of_questions_and_options_go_through_the_same_as_columns()
    {
        var d = Shipped("2019");
        var linked = d with
        {
            Sections = [.. d.Sections.Select(s => s with
            {
                Subsections = [.. s.Subsections.Select(b => b with
                {
                    Questions = [.. b.Questions.Select(q => q.Type switch
                    {
                        QuestionType.YesNo => q with { SameAs = "2017:" + q.Code },
                        QuestionType.MultipleChoice => q with { Options = [.. q.Options.Select(o => o with { SameAs = $"2017:{q.Code}/{o.Code}" })] },
                        _ => q,
                    })],
                })],
            })],
        };
        var read = XlsFormReader.Read(Workbook(linked));
        Assert.True(read.Definition is not null, string.Join('\n', read.Problems));
        Assert.Equal(QuestionnaireJson.Write(linked), QuestionnaireJson.Write(read.Definition));
        Assert.Contains("\"sameAs\"", QuestionnaireJson.Write(read.Definition), StringComparison.Ordinal);
    }

    [Fact]
    public void The_workbook_follows_the_xlsform_conventions()
    {
        using var workbook = Workbook(Shipped("2017"));
        Assert.Equal(["survey", "choices", "settings"], workbook.GetSheetNames());
        var survey = workbook.Query(useHeaderRow: true, sheetName: "survey").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["type", "name", "label::English (en)", "label::Español (es)", "label::Français (fr)"], survey[0].Keys.Take(5));
        Assert.Contains("relevant", survey[0].Keys);
        static IDictionary<string, object?> Question(List<IDictionary<string, object?>> rows, string name) =>
            rows.Single(r => (string?)r["name"] == name && r["type"] is string type && type != "begin_group");
        Assert.Equal("begin_group", survey[0]["type"]);
        var strategy = Question(survey, "ss_strategy");
        Assert.Equal("select_one yes_no", strategy["type"]);
        Assert.Equal("share", strategy["indicator"]);
        var formalised = Question(survey, "ss_formalised");
        Assert.Equal("${ss_strategy} = 'yes'", formalised["relevant"]);
        Assert.Equal("select_multiple investment_factors or_other", Question(survey, "investment_factors")["type"]);
        Assert.Equal("begin_repeat", Question(survey, "good_practices")["type"]);
        Assert.Contains(survey, r => (string?)r["type"] == "end_repeat");
        Assert.Contains(survey, r => r["constraint"] is string c && c.Contains(". <= 100", StringComparison.Ordinal));
        var settings = workbook.Query(useHeaderRow: true, sheetName: "settings").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal("2017", settings["form_id"]?.ToString());
        Assert.Equal("English (en)", settings["default_language"]);
    }

    [Fact]
    public void Relevant_and_constraint_expressions_read_back()
    {
        var condition = XlsFormExpressions.ParseRelevant("selected(${x}, 'a') or selected(${x}, 'b')", out var error);
        Assert.Null(error);
        Assert.Equal(["a", "b"], condition!.AnyOf!);
        Assert.Equal("x", condition.Question);
        var limits = XlsFormExpressions.ParseConstraint(". >= 0 and . <= 100", out error);
        Assert.Null(error);
        Assert.Equal((0m, 100m), (limits.Min, limits.Max));
        XlsFormExpressions.ParseRelevant("${x} > 3", out error);
        Assert.NotNull(error);
    }

    private static MemoryStream HandWritten(IEnumerable<Dictionary<string, object?>> survey, IEnumerable<Dictionary<string, object?>>? choices = null)
    {
        var stream = new MemoryStream();
        var sheets = new Dictionary<string, object>
        {
            ["survey"] = survey.ToList(),
            ["choices"] = (choices ?? [new() { ["list_name"] = "colours", ["name"] = "red", ["label::English (en)"] = "Red" }]).ToList(),
            ["settings"] = new List<Dictionary<string, object?>> { new() { ["form_title"] = "Test", ["form_id"] = "2030", ["default_language"] = "English (en)" } },
        };
        stream.SaveAs(sheets);
        stream.Position = 0;
        return stream;
    }

    private static Dictionary<string, object?> Row(string type, string? name = null, string? label = null, string? relevant = null) =>
        new() { ["type"] = type, ["name"] = name, ["label::English (en)"] = label, ["relevant"] = relevant };

    [Fact]
    public void An_unknown_type_is_refused_at_its_cell()
    {
        var read = XlsFormReader.Read(HandWritten([
            Row("begin_group", "s", "S"), Row("begin_group", "sub", "Sub"),
            Row("select_one yes_no", "a", "A"), Row("slider", "b", "B"),
            Row("end_group"), Row("end_group"),
        ]));
        Assert.Null(read.Definition);
        var problem = Assert.Single(read.Problems);
        Assert.StartsWith("survey row 5, column type (A)", problem.Path, StringComparison.Ordinal);
        Assert.Contains("'slider'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_choice_list_and_an_unclosed_group_are_refused_with_their_rows()
    {
        var read = XlsFormReader.Read(HandWritten([
            Row("begin_group", "s", "S"), Row("begin_group", "sub", "Sub"),
            Row("select_one sizes", "a", "A"),
            Row("end_group"),
        ]));
        Assert.Null(read.Definition);
        Assert.Contains(read.Problems, p => p.Path == "survey row 4, column type (A)" && p.Message.Contains("'sizes'", StringComparison.Ordinal));
        Assert.Contains(read.Problems, p => p.Path == "survey row 5, column type (A)" && p.Message.Contains("not closed", StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_problems_are_placed_at_the_cell_they_concern()
    {
        var read = XlsFormReader.Read(HandWritten([
            Row("begin_group", "s", "S"), Row("begin_group", "sub", "Sub"),
            Row("select_one yes_no", "a", "A", relevant: "${b} = 'yes'"),
            Row("select_one yes_no", "b", "B"),
            Row("end_group"), Row("end_group"),
        ]));
        Assert.True(read.Definition is not null, string.Join('\n', read.Problems));
        var report = DefinitionValidator.Validate(read.Definition);
        var problem = Assert.Single(report.Errors);
        Assert.Equal("survey row 4, column relevant (D)", read.Locate(problem.Path));
        Assert.Contains(report.Warnings, w => read.Locate(w.Path) == "survey row 4, column label::Español (es)");
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused()
    {
        var read = XlsFormReader.Read(new MemoryStream("type,name\n"u8.ToArray()));
        Assert.Null(read.Definition);
        Assert.Equal("workbook", Assert.Single(read.Problems).Path);
    }
}
