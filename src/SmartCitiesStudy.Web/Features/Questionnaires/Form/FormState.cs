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

    public QuestionnaireRules Rules { get; } = new(definition);

    public QuestionnaireDefinition Definition => Rules.Definition;

    public string Language { get; } = language;

    public bool ReadOnly { get; } = readOnly;

    public IReadOnlyDictionary<string, AnswerValue> Answers => _answers;

    /// <summary>Called after an answer changed in the form (the autosave listens here).</summary>
    public Func<string, AnswerValue, Task>? AnswerChanged { get; set; }

    /// <summary>Raised when answers change, so conditions, progress and summaries re-render.</summary>
    public event Action? Changed;

    public AnswerValue Get(string path) => _answers.GetValueOrDefault(path) ?? AnswerValue.Empty;

    public void Load(IEnumerable<KeyValuePair<string, AnswerValue>> answers)
    {
        _answers.Clear();
        foreach (var (path, value) in answers)
        {
            _answers[path] = value;
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
