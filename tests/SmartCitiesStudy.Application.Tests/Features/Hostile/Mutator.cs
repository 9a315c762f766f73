using System.Text;

namespace SmartCitiesStudy.Application.Tests.Features.Hostile;

/// <summary>Seeded random damage to a valid file: characters, lines, cells and raw bytes added, removed or swapped.</summary>
internal sealed class Mutator(int seed)
{
    private static readonly string[] Pieces = [",", "\"", "\n", "\r\n", "\0", "é", "\uFFFD", "x", "=", ";", "\t", " ", "{", "}", "[", "]", ":", "-1", "1e400", "null", "\"\"", "\\", "\uD800", "<script>"];
    private readonly Random _random = new(seed);

    public byte[] Mutate(string valid)
    {
        var text = valid;
        var count = _random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            text = _random.Next(7) switch
            {
                0 => Delete(text),
                1 => Insert(text, Pieces[_random.Next(Pieces.Length)]),
                2 => Insert(text, new string((char)_random.Next('a', 'z' + 1), _random.Next(1, 20_000))),
                3 => Lines(text, (lines, a, b) => lines.Insert(a, lines[b])),
                4 => Lines(text, (lines, a, _) => lines.RemoveAt(a)),
                5 => Lines(text, (lines, a, b) => (lines[a], lines[b]) = (lines[b], lines[a])),
                _ => text[.._random.Next(text.Length + 1)],
            };
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        if (_random.Next(5) == 0 && bytes.Length > 0)
        {
            bytes[_random.Next(bytes.Length)] = (byte)_random.Next(0x80, 0x100); // likely invalid UTF-8
        }

        return bytes;
    }

    private string Delete(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var at = _random.Next(text.Length);
        return text.Remove(at, Math.Min(text.Length - at, _random.Next(1, 5)));
    }

    private string Insert(string text, string piece) => text.Insert(_random.Next(text.Length + 1), piece);

    private string Lines(string text, Action<List<string>, int, int> change)
    {
        var lines = text.Split('\n').ToList();
        change(lines, _random.Next(lines.Count), _random.Next(lines.Count));
        return string.Join('\n', lines);
    }
}
