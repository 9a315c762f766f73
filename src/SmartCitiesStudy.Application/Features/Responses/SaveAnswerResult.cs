using SmartCitiesStudy.Domain.Answers;

namespace SmartCitiesStudy.Application.Features.Responses;

public enum SaveAnswerOutcome
{
    /// <summary>Stored (or already stored with the same value).</summary>
    Saved,

    /// <summary>Someone else changed the answer since the version the form was based on: nothing overwritten.</summary>
    Conflict,

    /// <summary>The value breaks the question's rules (same rules as the form).</summary>
    Invalid,

    /// <summary>Not allowed: not the person's city, edition not open, response submitted…</summary>
    Refused,
}

/// <summary>
/// What happened to one answer save. On a conflict, <see cref="Current"/> is the answer someone else saved, so the
/// person can see it and choose.
/// </summary>
public sealed record SaveAnswerResult(SaveAnswerOutcome Outcome, int Version, StoredAnswer? Current, IReadOnlyList<AnswerProblem> Problems, string? Refusal)
{
    public static SaveAnswerResult Saved(int version) => new(SaveAnswerOutcome.Saved, version, null, [], null);

    public static SaveAnswerResult Conflicting(StoredAnswer current) => new(SaveAnswerOutcome.Conflict, current.Version, current, [], ResponseRefusals.Conflict);

    public static SaveAnswerResult Invalid(IReadOnlyList<AnswerProblem> problems) => new(SaveAnswerOutcome.Invalid, 0, null, problems, ResponseRefusals.Invalid);

    public static SaveAnswerResult Refused(string refusal) => new(SaveAnswerOutcome.Refused, 0, null, [], refusal);
}
