using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace SmartCitiesStudy.Application.Features.Exports;

/// <summary>
/// Writes a <see cref="ResponseTable"/> as an Excel workbook (Office Open XML), row by row straight into the output:
/// nothing is buffered but the current row, so 100,000 responses take as little memory as 10. Text goes in inline
/// string cells (never formulas) and is still neutralised like CSV cells, so a copy-paste into another sheet stays
/// safe; number columns are real numbers; the header row is bold and frozen.
/// </summary>
public static class ResponseTableXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private const int RowsPerDrain = 200;

    public static async Task WriteAsync(ResponseTable table, Stream output, string sheetName = "Responses", CancellationToken cancellationToken = default)
    {
        var buffer = new DrainableBuffer();
        await using (var zip = await ZipArchive.CreateAsync(buffer, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            await WriteEntriesAsync(zip, table, sheetName, buffer, output, cancellationToken);
        }

        await buffer.DrainToAsync(output, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    private static async Task WriteEntriesAsync(ZipArchive zip, ResponseTable table, string sheetName, DrainableBuffer buffer, Stream output, CancellationToken cancellationToken)
    {
        await WriteTextEntryAsync(zip, "[Content_Types].xml", ContentTypes, cancellationToken);
        await WriteTextEntryAsync(zip, "_rels/.rels", PackageRelationships, cancellationToken);
        await WriteTextEntryAsync(zip, "xl/workbook.xml", Workbook(sheetName), cancellationToken);
        await WriteTextEntryAsync(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships, cancellationToken);
        await WriteTextEntryAsync(zip, "xl/styles.xml", Styles, cancellationToken);

        var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
        await using var stream = await sheet.OpenAsync(cancellationToken);
        await using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync(standalone: true);
        await xml.WriteStartElementAsync(null, "worksheet", MainNamespace);
        await xml.WriteRawAsync("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
        await xml.WriteStartElementAsync(null, "sheetData", MainNamespace);

        var numbers = table.NumberColumns ?? new HashSet<int>();
        await WriteRowAsync(xml, 1, table.Columns, numbers: null, style: "1");
        var index = 1;
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            await WriteRowAsync(xml, ++index, row, numbers, style: null);
            if (index % RowsPerDrain == 0)
            {
                await xml.FlushAsync();
                await stream.FlushAsync(cancellationToken);
                await buffer.DrainToAsync(output, cancellationToken);
            }
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    private static async Task WriteRowAsync(XmlWriter xml, int rowNumber, IReadOnlyList<string?> cells, IReadOnlySet<int>? numbers, string? style)
    {
        await xml.WriteStartElementAsync(null, "row", MainNamespace);
        await xml.WriteAttributeStringAsync(null, "r", null, rowNumber.ToString(CultureInfo.InvariantCulture));
        for (var column = 0; column < cells.Count; column++)
        {
            if (cells[column] is not { Length: > 0 } value)
            {
                continue;
            }

            await xml.WriteStartElementAsync(null, "c", MainNamespace);
            await xml.WriteAttributeStringAsync(null, "r", null, ColumnName(column) + rowNumber.ToString(CultureInfo.InvariantCulture));
            if (style is not null)
            {
                await xml.WriteAttributeStringAsync(null, "s", null, style);
            }

            if (numbers is not null && numbers.Contains(column)
                && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                await xml.WriteElementStringAsync(null, "v", MainNamespace, number.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                await xml.WriteAttributeStringAsync(null, "t", null, "inlineStr");
                await xml.WriteStartElementAsync(null, "is", MainNamespace);
                await xml.WriteStartElementAsync(null, "t", MainNamespace);
                await xml.WriteAttributeStringAsync("xml", "space", null, "preserve");
                await xml.WriteStringAsync(XmlSafe(SafeCells.Neutralise(value)!));
                await xml.WriteEndElementAsync();
                await xml.WriteEndElementAsync();
            }

            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
    }

    /// <summary>A, B, …, Z, AA, AB… for a zero-based column index.</summary>
    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>XML 1.0 cannot hold most control characters: they are dropped rather than making the file unreadable.</summary>
    private static string XmlSafe(string text)
    {
        if (!text.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r')) && !text.Any(c => c is '\uFFFE' or '\uFFFF'))
        {
            return text;
        }

        return string.Concat(text.Where(c => (c >= ' ' || c is '\t' or '\n' or '\r') && c is not ('\uFFFE' or '\uFFFF')));
    }

    private static async Task WriteTextEntryAsync(ZipArchive zip, string name, string content, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        await using var stream = await entry.OpenAsync(cancellationToken);
        var bytes = Encoding.UTF8.GetBytes(content);
        await stream.WriteAsync(bytes, cancellationToken);
    }

    private static string Workbook(string sheetName) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{MainNamespace}" xmlns:r="{RelationshipNamespace}"><sheets><sheet name="{System.Security.SecurityElement.Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>""";

    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""";

    private const string PackageRelationships =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";

    private const string WorkbookRelationships =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""";

    private const string Styles =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>""";
}
