namespace SmartCitiesStudy.Domain.Indicators;

/// <summary>
/// Which responses each figure counts in its numerator (<see cref="IndicatorCalculator.NumeratorMembers"/>): the
/// positions of the responses, in the order they were given.
/// </summary>
public sealed class NumeratorMembership
{
    private readonly Func<string, string?, IReadOnlyList<int>?> _of;

    internal NumeratorMembership(Func<string, string?, IReadOnlyList<int>?> of) => _of = of;

    /// <summary>
    /// A share's "yes" (no option), or a choice's <paramref name="option"/>; null when the question has no such
    /// figure or option.
    /// </summary>
    public IReadOnlyList<int>? Of(string questionCode, string? option = null) => _of(questionCode, option);
}
