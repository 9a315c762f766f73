using SmartCitiesStudy.Application.Features.Review;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Web.Features.Questionnaires.Form;

/// <summary>
/// What the questionnaire form works on, shared with every field: the rules (one implementation of conditions and
/// validation), the current answers, the language, and where a change goes (in memory for the preview; the autosave
/// for officers).
/// </summary>
public sealed class FormState(QuestionnaireDefinition definition, string language, bool readOnly)
{
    private readonly Dictionary<string, AnswerValue> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AnswerConflict> _conflicts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _copied = new(StringComparer.Ordinal);

    public QuestionnaireRules Rules { get; } = new(definition);

    public QuestionnaireDefinition Definition => Rules.Definition;

    public string Language { get; } = language;

    public bool ReadOnly { get; } = readOnly;

    public IReadOnlyDictionary<string, AnswerValue> Answers => _answers;

    /// <summary>Called after an answer changed in the form (the autosave listens here).</summary>
    public Func<string, AnswerValue, Task>? AnswerChanged { get; set; }

    /// <summary>Called when the person resolves a conflict: true to keep their value, false to take the other one.</summary>
    public Func<string, bool, Task>? ResolveConflict { get; set; }

    /// <summary>The reviewers' comments (and replies) shown next to the answers they are about.</summary>
    public IReadOnlyList<CommentView> Comments { get; private set; } = [];

    /// <summary>Replaces the comments and re-renders the form (a new reply must show at once).</summary>
    public void SetComments(IReadOnlyList<CommentView> comments)
    {
        Comments = comments;
        Changed?.Invoke();
    }

    /// <summary>Sends a reply (path, reply-to id, text, internal); returns an error message or null.</summary>
    public Func<string?, long?, string, bool, Task<string?>>? SendComment { get; set; }

    /// <summary>Raised when answers change, so conditions, progress and summaries re-render.</summary>
    public event Action? Changed;

    public AnswerValue Get(string path) => _answers.GetValueOrDefault(path) ?? AnswerValue.Empty;

    /// <summary>The stored version the form's value of <paramref name="path"/> is based on (0: none stored).</summary>
    public int VersionOf(string path) => _versions.GetValueOrDefault(path);

    public void SetVersion(string path, int version) => _versions[path] = version;

    public AnswerConflict? ConflictOf(string path) => _conflicts.GetValueOrDefault(path);

    public IReadOnlyDictionary<string, AnswerConflict> Conflicts => _conflicts;

    public void SetConflict(string path, AnswerConflict? conflict)
    {
        if (conflict is null)
        {
            _conflicts.Remove(path);
        }
        else
        {
            _conflicts[path] = conflict;
        }

        Changed?.Invoke();
    }

    /// <summary>What each section could start from (the city's approved answers of an earlier edition).</summary>
    public IReadOnlyList<Application.Features.Responses.CopyOffer> CopyOffers { get; private set; } = [];

    /// <summary>Copies a section's answers from its offer (null: the form cannot copy, e.g. the preview).</summary>
    public Func<string, Task>? CopySection { get; set; }

    /// <summary>Confirms copied answers as they are (null: the form cannot).</summary>
    public Func<IReadOnlyList<string>, Task>? ConfirmCopied { get; set; }

    public void SetCopyOffers(IReadOnlyList<Application.Features.Responses.CopyOffer> offers)
    {
        CopyOffers = offers;
        Changed?.Invoke();
    }

    /// <summary>The edition an answer was copied from while it waits to be confirmed or changed; otherwise null.</summary>
    public string? CopiedFrom(string path) => _copied.GetValueOrDefault(path);

    /// <summary>The paths of copied answers still to confirm.</summary>
    public IEnumerable<string> CopiedPaths => _copied.Keys;

    public void SetCopied(string path, string? edition)
    {
        if (edition is null)
        {
            _copied.Remove(path);
        }
        else
        {
            _copied[path] = edition;
        }

        Changed?.Invoke();
    }

    public void Load(IEnumerable<KeyValuePair<string, AnswerValue>> answers, IReadOnlyDictionary<string, int>? versions = null, IReadOnlyDictionary<string, string>? copied = null)
    {
        _answers.Clear();
        _versions.Clear();
        _copied.Clear();
        foreach (var (path, edition) in copied ?? new Dictionary<string, string>())
        {
            _copied[path] = edition;
        }

        foreach (var (path, value) in answers)
        {
            if (!value.IsEmpty)
            {
                _answers[path] = value;
            }
        }

        foreach (var (path, version) in versions ?? new Dictionary<string, int>())
        {
            _versions[path] = version;
        }

        Changed?.Invoke();
    }

    /// <summary>
    /// Sets an answer from the form; an empty value removes it. The value is kept in the form even when it is not
    /// acceptable (so nothing typed is lost and the message shows next to it), but only acceptable values go on to
    /// <see cref="AnswerChanged"/>: the server refuses what the form refuses.
    /// </summary>
    /// <returns>The value's problems; empty when it was accepted.</returns>
    public async Task<IReadOnlyList<AnswerProblem>> SetAsync(string path, AnswerValue value)
    {
        if (ReadOnly || !Rules.TryResolve(path, out var question, out _, out _))
        {
            return [];
        }

        Apply(path, value);
        var problems = QuestionnaireRules.ValidateValue(question, path, value);
        if (problems.Count == 0 && AnswerChanged is not null)
        {
            _copied.Remove(path); // a change is the officer's own answer: the server clears the mark with the save
            await AnswerChanged(path, value);
        }

        return problems;
    }

    /// <summary>Problems of the answers given so far (not the missing ones), in questionnaire order.</summary>
    public IReadOnlyList<AnswerProblem> CurrentProblems() => Rules.Check(_answers, requireComplete: false);

    /// <summary>Applies an answer that arrived from elsewhere (another officer) without calling the autosave.</summary>
    public void Apply(string path, AnswerValue value)
    {
        if (value.IsEmpty)
        {
            _answers.Remove(path);
        }
        else
        {
            _answers[path] = value;
        }

        Changed?.Invoke();
    }

    public string T(LocalizedText? text) => text?.Get(Language) ?? string.Empty;
}

/// <summary>
/// Someone else saved this answer while the person was editing it: both values, so they can choose. The form shows
/// <see cref="Mine"/> (what they typed goes on building on it) until they choose; <see cref="TheirVersion"/> is the
/// stored version "keep mine" is saved over.
/// </summary>
public sealed record AnswerConflict(AnswerValue Mine, AnswerValue Theirs, string? TheirAuthor, DateTimeOffset TheirTime, int TheirVersion = 0);
