using Microsoft.AspNetCore.Components;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Web.Features.Questionnaires.Form;

public sealed partial class QuestionnaireForm
{
    private IReadOnlyList<SectionProgress> _progress = [];
    private IReadOnlyList<AnswerProblem> _problems = [];

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The questionnaire, its answers and where changes go.</summary>
    [Parameter, EditorRequired]
    public FormState State { get; set; } = default!;

    /// <summary>The section shown (its code); the first one when null.</summary>
    [Parameter]
    public string? SectionCode { get; set; }

    /// <summary>Called when the person moves to another section (to remember where they were).</summary>
    [Parameter]
    public EventCallback<string> SectionCodeChanged { get; set; }

    private Section Current => State.Definition.Sections.FirstOrDefault(s => s.Code == SectionCode) ?? State.Definition.Sections[0];

    private int Index => State.Definition.Sections.ToList().IndexOf(Current);

    // The state listened to. The builder's preview gives the form a new state after each edit: the form listens to
    // the one it shows, or answers in the preview would not re-render it (conditions never showed their questions).
    private FormState? _listening;

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_listening, State))
        {
            if (_listening is not null)
            {
                _listening.Changed -= OnStateChanged;
            }

            _listening = State;
            _listening.Changed += OnStateChanged;
        }

        Refresh();
    }

    public void Dispose()
    {
        if (_listening is not null)
        {
            _listening.Changed -= OnStateChanged;
        }
    }

    private void OnStateChanged()
    {
        Refresh();
        _ = InvokeAsync(StateHasChanged);
    }

    private void Refresh()
    {
        _progress = State.Rules.Progress(State.Answers);
        var sectionQuestions = Current.Questions.Select(q => q.Code).ToHashSet();
        _problems = [.. State.CurrentProblems().Where(p => sectionQuestions.Contains(AnswerPath.QuestionCode(p.Path)))];
    }

    private async Task SelectAsync(string? code)
    {
        if (code is null || code == Current.Code)
        {
            return;
        }

        SectionCode = code;
        Refresh();
        await SectionCodeChanged.InvokeAsync(code);
    }

    private Task MoveAsync(int by) => SelectAsync(State.Definition.Sections[Index + by].Code);

    // The secretariat's comments (not replies) on answers of a section: where a returned form needs the officer.
    private int CommentsIn(Section section)
    {
        var codes = section.Questions.Select(q => q.Code).ToHashSet(StringComparer.Ordinal);
        return State.Comments.Count(c => c.ByReviewer && c.ParentId is null && c.Path is not null && codes.Contains(AnswerPath.QuestionCode(c.Path)));
    }

    private bool _copying;

    private List<string> CopiedInSection()
    {
        var codes = Current.Questions.Select(q => q.Code).ToHashSet(StringComparer.Ordinal);
        return [.. State.CopiedPaths.Where(p => codes.Contains(AnswerPath.QuestionCode(p)))];
    }

    private async Task CopyAsync(string sectionCode)
    {
        _copying = true;
        try
        {
            await State.CopySection!(sectionCode);
        }
        finally
        {
            _copying = false;
        }
    }

    private Task ConfirmSectionAsync() => State.ConfirmCopied!(CopiedInSection());

    private string QuestionTitle(string path) =>
        State.Rules.TryResolve(path, out var question, out _, out _) ? State.T(question.Title) : path;
}
