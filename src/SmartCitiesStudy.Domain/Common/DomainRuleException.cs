namespace SmartCitiesStudy.Domain.Common;

/// <summary>
/// A request that a domain rule refuses (an edition that cannot be opened, a response that cannot be submitted…).
/// <see cref="Code"/> is stable and machine-readable; the message says in plain words what is wrong.
/// </summary>
public sealed class DomainRuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
