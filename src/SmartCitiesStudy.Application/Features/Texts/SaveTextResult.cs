namespace SmartCitiesStudy.Application.Features.Texts;

/// <summary>
/// Saved (with the new version), refused (with a message naming block and language), or in conflict: someone saved
/// the block since the version the editor started from; <see cref="Current"/> is what they saved.
/// </summary>
public sealed record SaveTextResult(bool Saved, int Version, string? Error = null, EditionTextRow? Current = null)
{
    public bool IsConflict => !Saved && Current is not null;

    public static SaveTextResult Refused(string error) => new(false, 0, error);
}
