using SmartCitiesStudy.Domain.Questionnaires;
using static SmartCitiesStudy.Domain.Tests.Questionnaires.SampleQuestionnaire;

namespace SmartCitiesStudy.Domain.Tests.Questionnaires;

public sealed class QuestionnaireEditsTests
{
    [Fact]
    public void Editing_a_question_title_changes_only_that_question()
    {
        var original = Create();
        var edited = original.UpdateQuestion(0, 0, 0, q => q with { Title = new LocalizedText("Local strategy?", "¿Estrategia local?", "Stratégie locale ?") });
        Assert.Equal("¿Estrategia local?", edited.Find("ss_strategy")!.Title.Get("es"));
        Assert.Equal(QuestionnaireJson.Write(original.UpdateQuestion(0, 0, 0, q => q with { Title = original.Find("ss_strategy")!.Title })), QuestionnaireJson.Write(original));
        Assert.Equal("Strategy?", original.Find("ss_strategy")!.Title.En); // the original is untouched
    }

    [Fact]
    public void Moving_reorders_and_stops_at_the_ends()
    {
        var d = Create().MoveQuestion(0, 0, 3, -1);
        Assert.Equal(["ss_strategy", "ss_formalised", "investment_factors", "ss_document", "main_sector", "tourism_share"], d.Sections[0].Questions.Select(q => q.Code));
        Assert.Equal(d.Sections[0].Questions.Select(q => q.Code), d.MoveQuestion(0, 0, 0, -1).Sections[0].Questions.Select(q => q.Code));
        Assert.Equal("knowledge_talent", Create().MoveSection(1, -1).Sections[0].Code);
    }

    [Fact]
    public void Moving_a_question_above_the_one_it_depends_on_is_caught_by_the_validator()
    {
        var broken = Create().MoveQuestion(0, 0, 1, -1); // ss_formalised before ss_strategy
        Assert.Contains(DefinitionValidator.Validate(broken).Errors, e => e.Message.Contains("not an earlier question", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_can_be_renamed_moved_and_added()
    {
        var q = Create().Find("investment_factors")!
            .UpdateOption(0, o => o with { Title = new LocalizedText("Skilled people") })
            .MoveOption(2, -2)
            .AddOption(new ChoiceOption("quality_of_life", new LocalizedText("Quality of life")));
        Assert.Equal(["geographic_position", "qualified_human_capital", "innovation_centres", "quality_of_life"], q.Options.Select(o => o.Code));
        Assert.Equal("Skilled people", q.Options[1].Title.En);
    }
}
