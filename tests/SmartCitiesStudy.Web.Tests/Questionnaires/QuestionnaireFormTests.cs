using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Infrastructure.Questionnaires;
using SmartCitiesStudy.Web.Features.Questionnaires.Form;

namespace SmartCitiesStudy.Web.Tests.Questionnaires;

/// <summary>The rendered form applies the engine's conditions and validation: one implementation, same results.</summary>
public sealed class QuestionnaireFormTests : BunitContext
{
    private static readonly QuestionnaireDefinition Questionnaire2017 = QuestionnaireJson.Parse(ShippedQuestionnaires.Read("2017")!).Definition!;

    public QuestionnaireFormTests()
    {
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
    }

    private (IRenderedComponent<QuestionnaireForm> Form, FormState State, List<(string Path, AnswerValue Value)> Saved) RenderForm(string? section = null)
    {
        var state = new FormState(Questionnaire2017, "en", readOnly: false);
        var saved = new List<(string, AnswerValue)>();
        state.AnswerChanged = (path, value) =>
        {
            saved.Add((path, value));
            return Task.CompletedTask;
        };
        var form = Render<QuestionnaireForm>(p => p.Add(f => f.State, state).Add(f => f.SectionCode, section));
        return (form, state, saved);
    }

    // MudRadio reacts to clicks on its input; the first radio is "Yes", the second "No".
    private static void Answer(IRenderedComponent<QuestionnaireForm> form, string code, bool yes) =>
        form.FindAll($"[data-question='{code}'] input[type=radio]")[yes ? 0 : 1].Click();

    private static bool Shows(IRenderedComponent<QuestionnaireForm> form, string path) =>
        form.FindAll($"[data-question='{path}']").Count > 0;

    [Fact]
    public void The_formalised_question_appears_only_after_yes_to_the_strategy_as_the_engine_says()
    {
        var (form, state, _) = RenderForm();
        var formalised = Questionnaire2017.Find("ss_formalised")!;
        Assert.False(Shows(form, "ss_formalised"));
        Assert.Equal(state.Rules.IsShown(formalised, state.Answers), Shows(form, "ss_formalised"));

        Answer(form, "ss_strategy", yes: true);

        Assert.True(Shows(form, "ss_formalised"));
        Assert.Equal(state.Rules.IsShown(formalised, state.Answers), Shows(form, "ss_formalised"));

        Answer(form, "ss_strategy", yes: false);
        Assert.False(Shows(form, "ss_formalised"));
    }

    [Fact]
    public void An_out_of_range_number_shows_the_engine_s_message_keeps_the_typed_value_and_is_not_saved()
    {
        var (form, state, saved) = RenderForm("knowledge_talent");
        var input = form.Find("#q-university_share_25_30-input");

        input.Input("250");
        form.WaitForAssertion(() => Assert.Contains("250 is above the maximum of 100.", form.Find("[data-question='university_share_25_30']").TextContent, StringComparison.Ordinal));

        var engine = QuestionnaireRules.ValidateValue(Questionnaire2017.Find("university_share_25_30")!, "university_share_25_30", AnswerValue.OfNumber(250));
        Assert.Equal(AnswerProblemCodes.AboveMax, Assert.Single(engine).Code);
        Assert.Equal("250", form.Find("#q-university_share_25_30-input").GetAttribute("value"));
        Assert.DoesNotContain(saved, s => s.Path == "university_share_25_30");
        Assert.False(QuestionnaireRules.IsAnswered(Questionnaire2017.Find("university_share_25_30")!, state.Get("university_share_25_30")));

        form.Find("#q-university_share_25_30-input").Input("30,5");
        form.WaitForAssertion(() => Assert.Contains(saved, s => s.Path == "university_share_25_30" && s.Value.Number == 30.5m));
    }

    [Fact]
    public void Text_that_is_not_a_number_stays_in_the_box_with_a_message()
    {
        var (form, _, saved) = RenderForm("knowledge_talent");
        form.Find("#q-university_share_25_30-input").Input("thirty");
        form.WaitForAssertion(() => Assert.Contains("Enter a number", form.Find("[data-question='university_share_25_30']").TextContent, StringComparison.Ordinal));
        Assert.Equal("thirty", form.Find("#q-university_share_25_30-input").GetAttribute("value"));
        Assert.Empty(saved);
    }

    [Fact]
    public void Choosing_other_asks_to_specify_and_the_summary_lists_it_until_specified()
    {
        var (form, _, saved) = RenderForm();
        form.FindAll("[data-question='investment_factors'] input[type=checkbox]")[^1].Change(true);
        form.WaitForAssertion(() => Assert.Contains("Say what 'other' is.", form.Markup, StringComparison.Ordinal));
        Assert.Contains("answer(s) to check", form.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(saved, s => s.Path == "investment_factors");

        form.Find("#q-investment_factors-other").Input("Port and logistics");
        form.WaitForAssertion(() => Assert.Contains(saved, s => s.Path == "investment_factors" && s.Value.Other == "Port and logistics"));
    }

    [Fact]
    public void Section_progress_follows_the_answers()
    {
        var (form, state, _) = RenderForm();
        Answer(form, "ss_strategy", yes: false);
        var progress = state.Rules.Progress(state.Answers)[0];
        Assert.Contains($"{progress.Answered} / {progress.Shown}", form.Find(".scs-form__nav").TextContent, StringComparison.Ordinal);
        Assert.Equal(1, progress.Answered);
    }

    [Fact]
    public void Good_practices_can_be_added_and_each_gets_its_fields()
    {
        var (form, state, saved) = RenderForm("good_practices");
        form.FindAll("button").Single(b => b.TextContent.Contains("Add good practice", StringComparison.Ordinal)).Click();
        var items = state.Get("good_practices").Items!;
        var item = Assert.Single(items);
        Assert.Contains(saved, s => s.Path == "good_practices");
        Assert.True(Shows(form, $"good_practices/{item}/title"));
        Assert.True(Shows(form, $"good_practices/{item}/website"));
    }

    [Fact]
    public void Answering_a_question_re_renders_that_question_and_not_the_others_of_the_section()
    {
        var (form, _, _) = RenderForm();
        var before = form.FindComponents<QuestionField>().ToDictionary(f => f.Instance.Path, f => f.RenderCount);
        Assert.True(before.Count > 10);

        Answer(form, "ss_strategy", yes: true);

        var after = form.FindComponents<QuestionField>().ToDictionary(f => f.Instance.Path, f => f.RenderCount);
        Assert.True(after["ss_strategy"] > before["ss_strategy"]);
        Assert.True(after.ContainsKey("ss_formalised")); // shown by the answer
        var rendered = before.Keys.Where(p => p != "ss_strategy" && after.TryGetValue(p, out var count) && count != before[p]).ToList();
        Assert.Empty(rendered);
    }

    [Fact]
    public void Answers_comments_and_conflicts_arriving_from_elsewhere_still_show_in_the_field()
    {
        var (form, state, _) = RenderForm();
        Answer(form, "ss_strategy", yes: true);

        state.Apply("ss_priority_sectors", AnswerValue.OfText("Aeronautics (from another officer)"));
        form.WaitForAssertion(() => Assert.Equal("Aeronautics (from another officer)", form.Find("#q-ss_priority_sectors-input").TextContent));

        state.SetComments([new SmartCitiesStudy.Application.Features.Review.CommentView(1, "ss_priority_sectors", null, "Rita Reviewer", true, "Please name the sectors of the 2016 plan.", false, DateTimeOffset.UtcNow)]);
        form.WaitForAssertion(() => Assert.Contains("Please name the sectors of the 2016 plan.", form.Find("[data-question='ss_priority_sectors']").TextContent, StringComparison.Ordinal));

        state.SetConflict("ss_priority_sectors", new AnswerConflict(AnswerValue.OfText("Mine"), AnswerValue.OfText("Theirs"), "Jon Officer", DateTimeOffset.UtcNow));
        form.WaitForAssertion(() => Assert.Contains("Jon Officer saved another answer", form.Find("[data-question='ss_priority_sectors']").TextContent, StringComparison.Ordinal));
    }
}
