using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Domain.Tests.Questionnaires;

public sealed class QuestionnaireBuildingTests
{
    [Fact]
    public void A_questionnaire_built_from_blank_validates()
    {
        var d = QuestionnaireBuilding.Blank("2030", "Smart Cities Study 2030")
            .AddSection("mobility")
            .AddSubsection(0, "transport")
            .AddQuestion(0, 0, "bike_plan", QuestionType.YesNo)
            .AddQuestion(0, 0, "bike_kind", QuestionType.SingleChoice);
        d = d.UpdateQuestion(0, 0, 1, q => q with { ShowWhen = new ShowCondition("bike_plan", "yes") });

        var report = DefinitionValidator.Validate(d);
        Assert.True(report.IsValid, string.Join('\n', report.Errors));
        Assert.Equal(["bike_plan"], d.ConditionCandidates("bike_kind").Select(q => q.Code));
    }

    [Fact]
    public void Blank_has_no_sections_and_the_validator_says_so()
    {
        var report = DefinitionValidator.Validate(QuestionnaireBuilding.Blank("2030", "T"));
        Assert.Equal("$.sections", Assert.Single(report.Errors).Path);
    }

    [Fact]
    public void Duplicate_takes_a_free_code_and_remove_takes_it_away()
    {
        var d = QuestionnaireBuilding.Blank("2030", "T").AddSection("s").AddSubsection(0, "b").AddQuestion(0, 0, "q", QuestionType.Number);
        d = d.DuplicateQuestion(0, 0, 0);
        Assert.Equal(["q", "q_2"], d.Questions.Select(q => q.Code));
        d = d.RemoveQuestion(0, 0, 0);
        Assert.Equal(["q_2"], d.Questions.Select(q => q.Code));
        Assert.Empty(d.RemoveSubsection(0, 0).Questions);
        Assert.Empty(d.RemoveSection(0).Sections);
    }

    [Fact]
    public void Changing_the_type_drops_what_does_not_apply()
    {
        var number = new Question { Code = "n", Type = QuestionType.Number, Title = new("N"), Min = 0, Max = 100, Unit = new("%"), Indicator = new(IndicatorKind.Mean, new("x")) };
        var choice = number.ChangeType(QuestionType.MultipleChoice);
        Assert.Null(choice.Min);
        Assert.Null(choice.Unit);
        Assert.Null(choice.Indicator);
        Assert.Equal(2, choice.Options.Count);
        Assert.Equal(IndicatorKind.Mean, number.ChangeType(QuestionType.Number).Indicator!.Kind);
    }

    [Fact]
    public void A_groups_fields_are_added_changed_moved_and_removed_and_the_group_validates()
    {
        var d = QuestionnaireBuilding.Blank("2030", "T").AddSection("s").AddSubsection(0, "b").AddQuestion(0, 0, "stations", QuestionType.Group);
        d = d.UpdateQuestion(0, 0, 0, g => g
            .AddField("docks", QuestionType.Number)
            .AddField("opened", QuestionType.YesNo)
            .UpdateField(1, f => f with { Title = new LocalizedText("Number of docks", "Número de anclajes"), Required = true })
            .MoveField(2, -1)
            .RemoveField(0) with
        { MinItems = 1, MaxItems = 5, ItemTitle = new LocalizedText("Station") });

        var group = d.Find("stations")!;
        Assert.Equal(["opened", "docks"], group.Questions.Select(f => f.Code));
        Assert.Equal("Número de anclajes", group.Questions[1].Title.Es);
        Assert.True(group.Questions[1].Required);
        var report = DefinitionValidator.Validate(d);
        Assert.True(report.IsValid, string.Join('\n', report.Errors));
        Assert.Throws<ArgumentException>(() => group.AddField("inner", QuestionType.Group));
    }
}
