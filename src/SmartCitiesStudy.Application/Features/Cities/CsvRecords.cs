using System.Text;

namespace SmartCitiesStudy.Application.Features.Cities;

/// <summary>
/// A small RFC 4180 reader: comma-separated fields, optionally in double quotes (<c>""</c> is a quote inside them,
/// and quoted fields may span lines). Each record carries the line it starts on, which is the row people see in a
/// spreadsheet. A quote inside an unquoted field is kept as text.
/// </summary>
internal static class CsvRecords
{
    public sealed record Record(int Row, IReadOnlyList<string> Fields);

    /// <summary>
    /// Reads the file as strict UTF-8 (a byte-order mark is dropped). On failure <paramref name="badRow"/> is the row
    /// the first invalid byte is on.
    /// </summary>
    public static bool TryDecode(byte[] content, out string text, out int? badRow)
    {
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
            badRow = null;
            return true;
        }
        catch (DecoderFallbackException ex)
        {
            text = string.Empty;
            var index = ex.Index >= 0 && ex.Index <= content.Length ? ex.Index : content.Length;
            badRow = 1 + content.AsSpan(0, index).Count((byte)'\n');
            return false;
        }
    }

    /// <returns>The records, or the row of a quoted field that never ends.</returns>
    public static (IReadOnlyList<Record> Records, int? UnterminatedQuoteRow) Read(string text)
    {
        var records = new List<Record>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordStart = 1;
        var inQuotes = false;
        var quoteStart = 0;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when !fieldStarted:
                    inQuotes = true;
                    fieldStarted = true;
                    quoteStart = line;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordStart = line;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }

        if (inQuotes)
        {
            return (records, quoteStart);
        }

        EndRecord();
        return (records, null);

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldStarted = false;
            if (!(fields.Count == 1 && fields[0].Trim().Length == 0))
            {
                records.Add(new Record(recordStart, [.. fields]));
            }

            fields = [];
        }
    }
}
