namespace SmartCitiesStudy.Application.Features.Editions;

/// <summary>The outcome of a command: done, or refused with a message saying why (for people, not logs).</summary>
public sealed record OperationResult(bool Succeeded, string? Error = null, string? ErrorCode = null)
{
    public static OperationResult Done { get; } = new(true);

    public static OperationResult Refused(string error, string code) => new(false, error, code);
}
