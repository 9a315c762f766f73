using System.Buffers.Binary;
using System.Text;

namespace SmartCitiesStudy.Benchmarks.Circuits;

/// <summary>One frame a render batch refers to: an element, text, attribute (with its event handler id) and so on.</summary>
internal readonly record struct BatchFrame(BatchFrameType Type, string? Name, string? Value, ulong EventHandlerId);

/// <summary>The frame types of Blazor's render tree, as numbered in the batch.</summary>
internal enum BatchFrameType
{
    None = 0,
    Element = 1,
    Text = 2,
    Attribute = 3,
    Component = 4,
    Region = 5,
    ElementReferenceCapture = 6,
    Markup = 8,
    NamedEvent = 10,
}

/// <summary>
/// Reads the binary render batch the server sends with <c>JS.RenderBatch</c>, as blazor.web.js does, but only its
/// reference frames (the elements and attributes a batch adds or changes) and the event handlers it removes: enough to
/// find an input's handler id and to see an attribute change, without keeping a DOM.
/// </summary>
/// <remarks>
/// Layout: sections, then a string table, then five little-endian int32 offsets at the end (updated components,
/// reference frames, disposed component ids, disposed event handler ids, string table). Reference frames are 20 bytes
/// each; a string is a 7-bit encoded length and UTF-8 bytes, found through the table of int32 offsets.
/// </remarks>
internal static class RenderBatchReader
{
    private const int FrameSize = 20;

    public static IReadOnlyList<BatchFrame> ReferenceFrames(ReadOnlySpan<byte> batch)
    {
        var stringTable = Int(batch, batch.Length - 4);
        var start = Int(batch, batch.Length - 16);
        var count = Int(batch, start);
        var frames = new BatchFrame[count];
        for (var i = 0; i < count; i++)
        {
            var at = start + 4 + (i * FrameSize);
            var type = (BatchFrameType)Int(batch, at);
            frames[i] = type switch
            {
                BatchFrameType.Element => new BatchFrame(type, String(batch, stringTable, Int(batch, at + 8)), null, 0),
                BatchFrameType.Attribute => new BatchFrame(type, String(batch, stringTable, Int(batch, at + 4)), String(batch, stringTable, Int(batch, at + 8)), BinaryPrimitives.ReadUInt64LittleEndian(batch[(at + 12)..])),
                BatchFrameType.Text or BatchFrameType.Markup => new BatchFrame(type, null, String(batch, stringTable, Int(batch, at + 4)), 0),
                _ => new BatchFrame(type, null, null, 0),
            };
        }

        return frames;
    }

    public static IReadOnlyList<ulong> DisposedEventHandlerIds(ReadOnlySpan<byte> batch)
    {
        var start = Int(batch, batch.Length - 8);
        var count = Int(batch, start);
        var ids = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = BinaryPrimitives.ReadUInt64LittleEndian(batch[(start + 4 + (i * 8))..]);
        }

        return ids;
    }

    /// <summary>Each element among the frames with the attributes that follow it (name → value, and event name → handler id).</summary>
    public static IEnumerable<BatchElement> Elements(IReadOnlyList<BatchFrame> frames)
    {
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].Type != BatchFrameType.Element)
            {
                continue;
            }

            var attributes = new Dictionary<string, string?>(StringComparer.Ordinal);
            var events = new Dictionary<string, ulong>(StringComparer.Ordinal);
            for (var j = i + 1; j < frames.Count && frames[j].Type == BatchFrameType.Attribute; j++)
            {
                if (frames[j].EventHandlerId != 0)
                {
                    events[frames[j].Name!] = frames[j].EventHandlerId;
                }
                else
                {
                    attributes[frames[j].Name!] = frames[j].Value;
                }
            }

            yield return new BatchElement(frames[i].Name!, attributes, events);
        }
    }

    private static int Int(ReadOnlySpan<byte> batch, int at) => BinaryPrimitives.ReadInt32LittleEndian(batch[at..]);

    private static string? String(ReadOnlySpan<byte> batch, int stringTable, int index)
    {
        if (index < 0)
        {
            return null;
        }

        var at = Int(batch, stringTable + (4 * index));
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = batch[at++];
            length |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }
        }

        return Encoding.UTF8.GetString(batch.Slice(at, length));
    }
}

/// <summary>An element of a render batch with its plain attributes and its event handlers.</summary>
internal sealed record BatchElement(string Name, IReadOnlyDictionary<string, string?> Attributes, IReadOnlyDictionary<string, ulong> Events);
