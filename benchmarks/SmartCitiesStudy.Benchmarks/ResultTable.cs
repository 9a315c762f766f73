using System.Globalization;

namespace SmartCitiesStudy.Benchmarks;

/// <summary>Collects measurements and prints them as an aligned table with the goal each one is held to.</summary>
internal sealed class ResultTable
{
    private readonly List<(string Name, string Value, string Goal, bool? Met)> _rows = [];

    public void Add(string name, double milliseconds, double? goalMilliseconds)
    {
        var value = milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
        var goal = goalMilliseconds is { } g ? "< " + g.ToString("0", CultureInfo.InvariantCulture) + " ms" : string.Empty;
        _rows.Add((name, value, goal, goalMilliseconds is { } limit ? milliseconds < limit : null));
    }

    public void Note(string name, string value) => _rows.Add((name, value, string.Empty, null));

    public void Print(TextWriter output)
    {
        var width = Math.Max(40, _rows.Max(r => r.Name.Length) + 2);
        output.WriteLine();
        output.WriteLine($"{"measure".PadRight(width)}{"value",14}{"goal",12}  met");
        output.WriteLine(new string('-', width + 31));
        foreach (var (name, value, goal, met) in _rows)
        {
            output.WriteLine($"{name.PadRight(width)}{value,14}{goal,12}  {(met is null ? string.Empty : met.Value ? "yes" : "NO")}");
        }
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
