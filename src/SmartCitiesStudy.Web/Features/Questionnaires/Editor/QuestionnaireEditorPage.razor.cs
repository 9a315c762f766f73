using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Web.Localization;
using SmartCitiesStudy.Web.Security;

namespace SmartCitiesStudy.Web.Features.Questionnaires.Editor;

/// <summary>
/// The secretariat's questionnaire editor: titles, help, options and order, in EN/ES/FR. Structure changes (new
/// questions, types, conditions) go through the JSON import. Saving uses the same rules as the import.
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
    private IReadOnlyList<DefinitionProblem> _problems = [];

    [Inject]
    private LoadQuestionnaire LoadQuestionnaire { get; set; } = default!;

    [Inject]
    private SaveQuestionnaire SaveQuestionnaire { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The edition code.</summary>
    [Parameter]
    public string Code { get; set; } = default!;

    private static string Lang => StudyCultures.Current;

    private Subsection? SelectedSubsection => _working is not null && _b is { } b ? _working.Sections[_s].Subsections[b] : null;

    private Question? SelectedQuestion => SelectedSubsection is { } sub && _q is { } q ? sub.Questions[q] : null;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var snapshot = await LoadQuestionnaire.ExecuteAsync(Code);
        if (snapshot is null)
        {
            _notFound = true;
            return;
        }

        (_working, _saved, _status, _version) = (snapshot.Definition, snapshot.Definition, snapshot.EditionStatus, snapshot.VersionNumber);
        _editable = _status is EditionStatus.Draft or EditionStatus.Open;
        _dirty = false;
    }

    private string NodeClass(int s, int? b, int? q) =>
        s == _s && b == _b && q == _q ? "scs-editor__select scs-editor__select--active" : "scs-editor__select";

    private void Select(int s, int? b, int? q) => (_s, _b, _q, _newOptionCode) = (s, b, q, null);

    private void Edit(Func<QuestionnaireDefinition, QuestionnaireDefinition> change, int s, int? b, int? q)
    {
        if (!_editable || _working is null)
        {
            return;
        }

        _working = change(_working);
        _dirty = true;
        Select(s, b, q);
    }

    private void Edit(Func<QuestionnaireDefinition, QuestionnaireDefinition> change) => Edit(change, _s, _b, _q);

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
