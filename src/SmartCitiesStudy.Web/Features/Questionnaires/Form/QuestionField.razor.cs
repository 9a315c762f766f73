using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Web.Features.Questionnaires.Form;

public sealed partial class QuestionField
{
    private string? _numberText;
    private string? _numberTextFor;
    private IReadOnlyList<AnswerProblem> _problems = [];
    private bool _unparsableNumber;
    private Shown? _shown;

    /// <summary>The form's shared state.</summary>
    [CascadingParameter]
    public FormState State { get; set; } = default!;

    /// <summary>The question to show.</summary>
    [Parameter, EditorRequired]
    public Question Question { get; set; } = default!;

    /// <summary>Where its answer is stored (the code, or group/item/field).</summary>
    [Parameter, EditorRequired]
    public string Path { get; set; } = default!;

    private static InputMode DecimalInput => InputMode.@decimal;

    private AnswerValue Value => State.Get(Path);

    private string Title => State.T(Question.Title) + (Question.Required ? " *" : string.Empty);

    private string AnchorId => "q-" + Path.Replace('/', '-');

    private string InputId => AnchorId + "-input";

    private string? DescribedBy => string.Join(' ', new[] { Question.Help is null ? null : AnchorId + "-help", Problems.Count > 0 ? AnchorId + "-error" : null }.OfType<string>()) is { Length: > 0 } ids ? ids : null;

    private IReadOnlyList<AnswerProblem> Problems => _unparsableNumber
        ? [new AnswerProblem(Path, AnswerProblemText.UnreadableNumber, "Not a number.")]
        : _problems.Count > 0 ? _problems : QuestionnaireRules.ValidateValue(Question, Path, Value);

    protected override void OnParametersSet()
    {
        // Show the stored number unless the person is typing something we could not read yet.
        var stored = Value.Number is { } n ? NumberText.Format(n, CultureInfo.CurrentCulture) : null;
        if (!_unparsableNumber && _numberTextFor != stored)
        {
            _numberText = stored;
            _numberTextFor = stored;
        }
    }

    /// <summary>
    /// Renders only when something this field shows has changed. Every answer, save and status change re-renders the
    /// form, and without this each of a section's (up to 200) questions re-rendered with its MudBlazor inputs: about
    /// 60 ms of server CPU per save, 22 s p95 with 200 officers saving (docs/performance.md, circuits benchmark).
    /// The language, read-only flag and culture are fixed for the form's life; everything else the markup reads is here.
    /// </summary>
    protected override bool ShouldRender() => Snapshot() != _shown;

    /// <summary>Called by the markup as it renders, so the snapshot is exactly what was drawn.</summary>
    private void RememberShown() => _shown = Snapshot();

    private Shown Snapshot() =>
        new(Question, Path, Value, State.VersionOf(Path), State.ConflictOf(Path), State.Comments, _problems, _unparsableNumber, _numberText, State.CopiedFrom(Path));

    private bool IsChosen(string code) => (Value.Codes ?? []).Contains(code);

    private async Task SetAsync(AnswerValue value) => _problems = await State.SetAsync(Path, value);

    private Task SetBoolAsync(bool? value) => SetAsync(value is { } b ? AnswerValue.OfBool(b) : AnswerValue.Empty);

    private Task SetChoiceAsync(string? code) =>
        SetAsync(code is null ? AnswerValue.Empty : AnswerValue.OfChoice(code, code == Question.OtherCode ? Value.Other : null));

    private Task ToggleAsync(string code, bool chosen)
    {
        var codes = (Value.Codes ?? []).Where(c => c != code).ToList();
        if (chosen)
        {
            codes.Add(code);
        }

        // Keep the questionnaire's order whatever the clicking order.
        var order = Question.Options.Select(o => o.Code).Append(Question.OtherCode).ToList();
        codes = [.. codes.OrderBy(order.IndexOf)];
        var other = codes.Contains(Question.OtherCode) ? Value.Other : null;
        return SetAsync(codes.Count == 0 ? AnswerValue.Empty : AnswerValue.OfChoices(codes, other));
    }

    private Task SetOtherAsync(string? text) => SetAsync(Value with { Other = string.IsNullOrEmpty(text) ? null : text });

    private Task SetTextAsync(string? text) => SetAsync(string.IsNullOrEmpty(text) ? AnswerValue.Empty : AnswerValue.OfText(text));

    private async Task SetNumberAsync(string? text)
    {
        _numberText = text;
        if (string.IsNullOrWhiteSpace(text))
        {
            _unparsableNumber = false;
            await SetAsync(AnswerValue.Empty);
        }
        else if (NumberText.TryParse(text, out var number))
        {
            _unparsableNumber = false;
            await SetAsync(AnswerValue.OfNumber(number));
        }
        else
        {
            // Keep what was typed in the box and say what is wrong; nothing is saved.
            _unparsableNumber = true;
        }

        _numberTextFor = Value.Number is { } n ? NumberText.Format(n, CultureInfo.CurrentCulture) : null;
    }

    private Task ClearAsync() => SetAsync(AnswerValue.Empty);

    private Task ConfirmCopiedAsync() => State.ConfirmCopied?.Invoke([Path]) ?? Task.CompletedTask;

    private Task ResolveAsync(bool keepMine)
    {
        // Taking theirs changes the stored value under the box: show it instead of what was typed.
        _numberTextFor = null;
        _unparsableNumber = false;
        return State.ResolveConflict?.Invoke(Path, keepMine) ?? Task.CompletedTask;
    }
}

/// <summary>What a <see cref="QuestionField"/> showed when it last rendered (references where the form replaces values).</summary>
internal sealed record Shown(
    Question Question,
    string Path,
    AnswerValue Value,
    int Version,
    AnswerConflict? Conflict,
    IReadOnlyList<SmartCitiesStudy.Application.Features.Review.CommentView> Comments,
    IReadOnlyList<AnswerProblem> Problems,
    bool UnparsableNumber,
    string? NumberText,
    string? CopiedFrom = null);
