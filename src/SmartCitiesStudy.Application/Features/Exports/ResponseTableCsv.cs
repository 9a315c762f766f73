using System.Text;

namespace SmartCitiesStudy.Application.Features.Exports;

/// <summary>Writes a <see cref="ResponseTable"/> as UTF-8 CSV (RFC 4180), row by row, with formula injection neutralised.</summary>
public static class ResponseTableCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static Task WriteAsync(ResponseTable table, Stream output, CancellationToken cancellationToken = default) =>
        WriteAsync(table, output, byteOrderMark: true, cancellationToken);

    /// <param name="table">The table.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="byteOrderMark">Start with a UTF-8 byte order mark (spreadsheets need it; data packages do without).</param>
    /// <param name="cancellationToken">Cancels the writing.</param>
    public static async Task WriteAsync(ResponseTable table, Stream output, bool byteOrderMark, CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: byteOrderMark), bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(Line(table.Columns));
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Line(row));
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string Line(IEnumerable<string?> cells) =>
        string.Join(',', cells.Select(c => Quote(SafeCells.Neutralise(c)))) + "\r\n";

    private static string Quote(string? cell) =>
        cell is null ? string.Empty
        : cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : cell;
}
