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

    public void Load(IEnumerable<KeyValuePair<string, AnswerValue>> answers, IReadOnlyDictionary<string, int>? versions = null)
    {
        _answers.Clear();
        _versions.Clear();
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
