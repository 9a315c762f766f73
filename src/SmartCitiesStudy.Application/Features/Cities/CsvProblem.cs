namespace SmartCitiesStudy.Application.Features.Cities;

/// <summary>
/// One thing wrong with an imported file. <see cref="Row"/> counts the file's records with the header as row 1;
/// null (and <see cref="Column"/> null) for problems with the whole file.
/// </summary>
public sealed record CsvProblem(int? Row, string? Column, string Message)
{
    public override string ToString() => (Row, Column) switch
    {
        (null, _) => $"file: {Message}",
        (_, null) => $"row {Row}: {Message}",
        _ => $"row {Row}, column {Column}: {Message}",
    };
}
