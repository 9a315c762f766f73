using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Features.Texts;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Texts;
using SmartCitiesStudy.Reports.Study;
using SmartCitiesStudy.Reports.Texts;
using SmartCitiesStudy.Web.Localization;
using SmartCitiesStudy.Web.Security;

namespace SmartCitiesStudy.Web.Features.Editions;

/// <summary>
/// <c>/portal/editions/{code}/texts</c>: the secretariat writes the study's editorial blocks — each with its
/// translation status, Markdown beside its preview, autosave with a version check (a concurrent save is shown, not
/// overwritten), and the block's history. A published edition's texts are read-only.
/// </summary>
public sealed partial class TextsEditorPage
{
    private IReadOnlyList<(string Name, string Label)>? _blocks;
    private EditionTexts _texts = EditionTexts.None;
    private IReadOnlyList<TextChange> _history = [];
    private bool _frozen;
    private string? _block;
    private string _language = TextLanguages.English;
    private string? _markdown;
    private string? _signatoryName;
    private string? _signatoryTitle;
    private int _version;
    private string? _saved;
    private string? _saveState;
    private EditionTextRow? _conflict;

    [Inject]
    private ListEditions ListEditions { get; set; } = default!;

    [Inject]
    private LoadQuestionnaire LoadQuestionnaire { get; set; } = default!;

    [Inject]
    private LoadEditionTexts LoadEditionTexts { get; set; } = default!;

    [Inject]
    private SetEditionText SetEditionText { get; set; } = default!;

    [Inject]
    private ListTextHistory ListTextHistory { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The edition code.</summary>
    [Parameter]
    public string Code { get; set; } = default!;

    /// <summary>The block to open first (<c>?block=foreword</c>).</summary>
    [SupplyParameterFromQuery(Name = "block")]
    public string? BlockQuery { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        var edition = (await ListEditions.ExecuteAsync(publishedOnly: false)).FirstOrDefault(e => e.Code == Code);
        var questionnaire = (await LoadQuestionnaire.ExecuteAsync(Code))?.Definition;
        _frozen = edition is null || edition.Status == EditionStatus.Published;
        var fixedLabels = FixedLabels(ChapterText.For(StudyCultures.Current));
        var fields = questionnaire is null ? new List<Domain.Questionnaires.Section>() : StudyOutline.StudyFields(questionnaire).ToList();
        _blocks =
        [
            .. fixedLabels.Take(8),
            .. fields.SelectMany(f => new[] { (TextBlocks.Field(f.Code), f.Title.Get(StudyCultures.Current)) }
                .Concat(f.Subsections.Where(s => s.Questions.Any(q => q.Indicator is not null && !StudyOutline.IsFactor(q)))
                    .Select(s => (TextBlocks.Subsection(s.Code), "— " + s.Title.Get(StudyCultures.Current))))),
            .. fixedLabels.Skip(8),
        ];
        _texts = await LoadEditionTexts.ExecuteAsync(Code);
        await SelectBlockAsync(_blocks.Any(b => b.Name == BlockQuery) ? BlockQuery : _blocks[0].Name);
    }

    private async Task SelectBlockAsync(string? block)
    {
        _block = block;
        await LoadCurrentAsync();
    }

    private async Task SelectLanguageAsync(string? language)
    {
        _language = language ?? TextLanguages.English;
        await LoadCurrentAsync();
    }

    private async Task LoadCurrentAsync()
    {
        var row = _texts.Rows.FirstOrDefault(r => r.Block == _block && r.Language == _language);
        _markdown = row?.Markdown ?? string.Empty;
        _signatoryName = row?.SignatoryName;
        _signatoryTitle = row?.SignatoryTitle;
        _version = row?.Version ?? 0;
        _saved = Snapshot();
        _conflict = null;
        _saveState = row is null ? L["Not written yet."] : string.Format(System.Globalization.CultureInfo.CurrentCulture, L["Saved (version {0})."], row.Version);
        _history = _block is null ? [] : await ListTextHistory.ExecuteAsync(Code, _block, _language, await AuthenticationState.StudyUserAsync());
    }

    private async Task AutosaveAsync() => await SaveAsync(force: false);

    private async Task KeepMineAsync()
    {
        _version = _conflict?.Version ?? _version;
        _conflict = null;
        await SaveAsync(force: true);
    }

    private void TakeTheirs()
    {
        if (_conflict is { } theirs)
        {
            _markdown = theirs.Markdown;
            _signatoryName = theirs.SignatoryName;
            _signatoryTitle = theirs.SignatoryTitle;
            _version = theirs.Version;
            _saved = Snapshot();
            _conflict = null;
            _saveState = string.Format(System.Globalization.CultureInfo.CurrentCulture, L["Saved (version {0})."], theirs.Version);
        }
    }

    private async Task SaveAsync(bool force)
    {
        if (_frozen || _block is null || (!force && (Snapshot() == _saved || _conflict is not null)))
        {
            return;
        }

        _saveState = L["Saving…"];
        var input = new TextInput(_block, _language, _markdown ?? string.Empty, _signatoryName, _signatoryTitle);
        var result = await SetEditionText.ExecuteAsync(Code, input, _version, await AuthenticationState.StudyUserAsync());
        if (result.Saved)
        {
            _version = result.Version;
            _saved = Snapshot();
            _texts = await LoadEditionTexts.ExecuteAsync(Code);
            _history = await ListTextHistory.ExecuteAsync(Code, _block, _language, await AuthenticationState.StudyUserAsync());
            _saveState = string.Format(System.Globalization.CultureInfo.CurrentCulture, L["Saved (version {0})."], result.Version);
        }
        else if (result.IsConflict)
        {
            _conflict = result.Current;
            _saveState = L["Not saved."];
        }
        else
        {
            _saveState = result.Error;
        }
    }

    /// <summary>The fixed blocks with the study's numbered headings, in reading order.</summary>
    private static List<(string Name, string Label)> FixedLabels(ChapterText text) =>
    [
        (TextBlocks.Foreword, text.Foreword),
        (TextBlocks.Uclg, "1.1 " + text.SmartCitiesInUclg),
        (TextBlocks.Concept, "1.2 " + text.Concept),
        (TextBlocks.Factors, "1.3 " + text.Factors),
        (TextBlocks.Approach, "2.1 " + text.Approach),
        (TextBlocks.Objectives, "2.2 " + text.Objectives),
        (TextBlocks.Methodology, "2.3 " + text.Methodology),
        (TextBlocks.Cities, "2.4 " + text.ParticipatingCities),
        (TextBlocks.Barriers, "4.1 " + text.Barriers),
        (TextBlocks.Facilitators, "4.2 " + text.Facilitators),
        (TextBlocks.Conclusions, "5 " + text.Conclusions),
    ];

    private string Snapshot() => $"{_markdown}\u0001{_signatoryName}\u0001{_signatoryTitle}";

    private (string Code, string Label, Color Color) Status(string block, string language)
    {
        var row = _texts.Rows.FirstOrDefault(r => r.Block == block && r.Language == language && r.Markdown.Length > 0);
        return row switch
        {
            null when language == TextLanguages.English => ("missing", L["missing"], Color.Error),
            null => ("english", L["shows English"], Color.Default),
            { NeedsReview: true } => ("review", ChapterText.For(StudyCultures.Current).CopiedReview, Color.Warning),
            _ => ("written", L["written"], Color.Success),
        };
    }

    private static string? Shorten(string? text) => text is { Length: > 120 } ? text[..119] + "…" : text;
}
