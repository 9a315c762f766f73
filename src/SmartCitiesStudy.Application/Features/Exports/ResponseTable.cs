namespace SmartCitiesStudy.Application.Features.Exports;

/// <summary>
/// The approved responses of an edition as a table: one row per city, one column per question (no personal data).
/// Rows are produced as they are read, so a large edition never sits in memory whole. <see cref="NumberColumns"/>
/// (zero-based) hold invariant-culture numbers, written as numbers where the format knows the difference (XLSX).
/// </summary>
public sealed record ResponseTable(IReadOnlyList<string> Columns, IAsyncEnumerable<IReadOnlyList<string?>> Rows, IReadOnlySet<int>? NumberColumns = null);
