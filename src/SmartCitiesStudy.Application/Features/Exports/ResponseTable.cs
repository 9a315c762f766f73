namespace SmartCitiesStudy.Application.Features.Exports;

/// <summary>
/// The approved responses of an edition as a table: one row per city, one column per question (no personal data).
/// Rows are produced as they are read, so a large edition never sits in memory whole.
/// </summary>
public sealed record ResponseTable(IReadOnlyList<string> Columns, IAsyncEnumerable<IReadOnlyList<string?>> Rows);
