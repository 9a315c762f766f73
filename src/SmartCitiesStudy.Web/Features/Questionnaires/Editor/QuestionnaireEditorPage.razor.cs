using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Web.Features.Questionnaires.Form;
using SmartCitiesStudy.Web.Localization;
using SmartCitiesStudy.Web.Security;

namespace SmartCitiesStudy.Web.Features.Questionnaires.Editor;

/// <summary>
/// The secretariat's questionnaire builder: sections, subsections, questions and options (add, duplicate, move,
/// remove), types and their properties, conditions picked from earlier questions, indicators, texts in EN/ES/FR side by
/// side, undo, and a live preview. The one <see cref="DefinitionValidator"/> judges every change and its messages show
/// at the item they concern; saving uses the same rules as the import (answered questions cannot be removed or retyped).
/// An edition without a questionnaire starts from blank.
/// </summary>
public sealed partial class QuestionnaireEditorPage
{
    private QuestionnaireDefinition? _working;
    private QuestionnaireDefinition? _saved;
    private EditionStatus _status;
    private int _version;
    private bool _notFound;
    private bool _editable;
    private bool _dirty;
    private bool _saving;
    private int _s;
    private int? _b;
    private int? _q;
    private string? _newOptionCode;
    private string? _newSectionCode;
    private string? _newSubsectionCode;
    private string? _newQuestionCode;
    private QuestionType _newQuestionType = QuestionType.YesNo;
    private IReadOnlyList<DefinitionProblem> _problems = [];
    private DefinitionReport _report = new([], []);
    private FormState? _preview;
    private readonly Stack<(QuestionnaireDefinition Definition, int S, int? B, int? Q)> _undo = new();

    [Inject]
    private ListEditions ListEditions { get; set; } = default!;

    [Inject]
    private LoadQuestionnaire LoadQuestionnaire { get; set; } = default!;

    [Inject]
    private SaveQuestionnaire SaveQuestionnaire { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The edition code.</summary>
    [Parameter]
    public string Code { get; set; } = default!;

    private static string Lang => StudyCultures.Current;

    private Subsection? SelectedSubsection => _working is not null && _b is { } b ? _working.Sections[_s].Subsections[b] : null;

    private Question? SelectedQuestion => SelectedSubsection is { } sub && _q is { } q ? sub.Questions[q] : null;

    private FormState? PreviewState => _preview;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var snapshot = await LoadQuestionnaire.ExecuteAsync(Code);
        if (snapshot is null)
        {
            // An edition created without copying a questionnaire: build one from blank.
            var edition = (await ListEditions.ExecuteAsync(publishedOnly: false)).FirstOrDefault(e => e.Code == Code);
            if (edition is null || edition.Status is not (EditionStatus.Draft or EditionStatus.Open))
            {
                _notFound = true;
                return;
            }

            var blank = QuestionnaireBuilding.Blank(edition.Code, edition.Title);
            (_working, _saved, _status, _version) = (blank, blank, edition.Status, 0);
        }
        else
        {
            (_working, _saved, _status, _version) = (snapshot.Definition, snapshot.Definition, snapshot.EditionStatus, snapshot.VersionNumber);
        }

        _editable = _status is EditionStatus.Draft or EditionStatus.Open;
        _dirty = false;
        _undo.Clear();
        Judge();
    }

    private void Judge()
    {
        _report = _working is null ? new DefinitionReport([], []) : DefinitionValidator.Validate(_working);
        _preview = _working is not null && _report.IsValid ? new FormState(_working, Lang, readOnly: false) : null;
    }

    private static string SectionPath(int s) => $"$.sections[{s}]";

    private static string SubsectionPath(int s, int b) => $"{SectionPath(s)}.subsections[{b}]";

    private static string QuestionPath(int s, int b, int q) => $"{SubsectionPath(s, b)}.questions[{q}]";

    /// <summary>The validator's errors about this item itself (not about the items inside it).</summary>
    private IReadOnlyList<DefinitionProblem> ProblemsAt(string path) =>
    [
        .. _report.Errors.Where(p =>
        {
            if (p.Path == path)
            {
                return true;
            }

            if (!p.Path.StartsWith(path + ".", StringComparison.Ordinal))
            {
                return false;
            }

            var rest = p.Path[path.Length..];
            return !rest.StartsWith(".sections[", StringComparison.Ordinal) && !rest.StartsWith(".subsections[", StringComparison.Ordinal);
        }),
    ];

    private bool HasProblems(string path) =>
        _report.Errors.Any(p => p.Path == path || p.Path.StartsWith(path + ".", StringComparison.Ordinal) || p.Path.StartsWith(path + "[", StringComparison.Ordinal));

    private RenderFragment ProblemMark(string path) => builder =>
    {
        if (HasProblems(path))
        {
            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "class", "scs-builder__mark");
            builder.AddAttribute(2, "role", "img");
            builder.AddAttribute(3, "aria-label", L["Has problems"].Value);
            builder.AddContent(4, " ⚠");
            builder.CloseElement();
        }
    };

    private void Undo()
    {
        if (_undo.TryPop(out var previous))
        {
            _working = previous.Definition;
            (_s, _b, _q) = (previous.S, previous.B, previous.Q);
            _dirty = !ReferenceEquals(_working, _saved);
            Judge();
        }
    }

    private void AddSection()
    {
        var code = _newSectionCode?.Trim();
        if (_working is not null && DefinitionValidator.IsValidCode(code))
        {
            Edit(d => d.AddSection(code!), _working.Sections.Count, null, null);
            _newSectionCode = null;
        }
    }

    private void AddSubsection()
    {
        var code = _newSubsectionCode?.Trim();
        if (_working is not null && DefinitionValidator.IsValidCode(code))
        {
            var s = _s;
            Edit(d => d.AddSubsection(s, code!), s, _working.Sections[s].Subsections.Count, null);
            _newSubsectionCode = null;
        }
    }

    private void AddQuestion()
    {
        var code = _newQuestionCode?.Trim();
        if (SelectedSubsection is { } sub && _b is { } b && DefinitionValidator.IsValidCode(code))
        {
            var (s, type) = (_s, _newQuestionType);
            Edit(d => d.AddQuestion(s, b, code!, type), s, b, sub.Questions.Count);
            _newQuestionCode = null;
        }
    }

    private void DuplicateQuestion()
    {
        if (_b is { } b && _q is { } q)
        {
            var s = _s;
            Edit(d => d.DuplicateQuestion(s, b, q), s, b, q + 1);
        }
    }

    private void RemoveSelected()
    {
        var (s, b, q) = (_s, _b, _q);
        if (b is { } sub && q is { } question)
        {
            Edit(d => d.RemoveQuestion(s, sub, question), s, sub, null);
        }
        else if (b is { } subsection)
        {
            Edit(d => d.RemoveSubsection(s, subsection), s, null, null);
        }
        else if (_working is { Sections.Count: > 0 })
        {
            Edit(d => d.RemoveSection(s), Math.Max(0, s - 1), null, null);
        }
    }

    private string NodeClass(int s, int? b, int? q) =>
        s == _s && b == _b && q == _q ? "scs-editor__select scs-editor__select--active" : "scs-editor__select";

    private void Select(int s, int? b, int? q) => (_s, _b, _q, _newOptionCode) = (Math.Max(0, s), b, q, null);

    private void Edit(Func<QuestionnaireDefinition, QuestionnaireDefinition> change, int s, int? b, int? q)
    {
        if (!_editable || _working is null)
        {
            return;
        }

        _undo.Push((_working, _s, _b, _q));
        _working = change(_working);
        _dirty = true;
        Select(s, b, q);
        Judge();
    }

    private void Edit(Func<QuestionnaireDefinition, QuestionnaireDefinition> change)
    {
        _typedIn = null;
        Edit(change, _s, _b, _q);
    }

    // Text boxes send every keystroke (a debounced box lost its text when the next click came first); keystrokes on
    // the same item less than two seconds apart are one step for Undo.
    private (int S, int? B, int? Q)? _typedIn;
    private DateTimeOffset _typedAt;

    private void Type(Func<QuestionnaireDefinition, QuestionnaireDefinition> change)
    {
        var now = Clock.GetUtcNow();
        var here = (_s, _b, _q);
        if (_typedIn == here && now - _typedAt < TimeSpan.FromSeconds(2) && _editable && _working is not null)
        {
            _working = change(_working);
            _dirty = true;
            Judge();
        }
        else
        {
            Edit(change);
        }

        (_typedIn, _typedAt) = (here, now);
    }

    private void TypeQuestion(Func<Question, Question> change)
    {
        if (_b is { } b && _q is { } q)
        {
            Type(d => d.UpdateQuestion(_s, b, q, change));
        }
    }

    private void EditQuestion(Func<Question, Question> change)
    {
        if (_b is { } b && _q is { } q)
        {
            Edit(d => d.UpdateQuestion(_s, b, q, change));
        }
    }

    private void AddOption()
    {
        var code = _newOptionCode?.Trim();
        if (SelectedQuestion is { } question && DefinitionValidator.IsValidCode(code) && !question.HasOption(code!))
        {
            EditQuestion(x => x.AddOption(new ChoiceOption(code!, new LocalizedText(code))));
            _newOptionCode = null;
        }
    }

    private async Task DiscardAsync()
    {
        _working = _saved;
        _dirty = false;
        _problems = [];
        _undo.Clear();
        (_s, _b, _q) = (0, null, null);
        Judge();
        await Task.CompletedTask;
    }

    private async Task SaveAsync()
    {
        if (_working is null)
        {
            return;
        }

        _saving = true;
        var result = await SaveQuestionnaire.ExecuteAsync(Code, QuestionnaireJson.Write(_working), await AuthenticationState.StudyUserAsync());
        _saving = false;
        _problems = result.Problems;
        if (!result.Saved)
        {
            return;
        }

        Snackbar.Add(result.NewVersion && _version > 0 && result.VersionNumber != _version
            ? string.Format(CultureInfo.CurrentCulture, L["Saved as questionnaire version {0}."], result.VersionNumber)
            : L["Saved."], Severity.Success);
        await LoadAsync();
    }
}
