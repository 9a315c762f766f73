using System.Text;

namespace SmartCitiesStudy.Reports;

/// <summary>The print CSS (embedded Styles/report.css) and the per-document running header.</summary>
public static class PrintStyles
{
    private static readonly Lazy<string> Css = new(() =>
    {
        using var stream = typeof(PrintStyles).Assembly.GetManifestResourceStream("report.css")
            ?? throw new InvalidOperationException("The embedded report.css is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    public static string Report => Css.Value;

    /// <summary>CSS for the running header of every page but the first: the edition title, top left.</summary>
    public static string RunningHeader(string title) =>
        "@page { @top-left { content: \"" + CssString(title) + "\"; font: 8.5pt \"Noto Sans\", sans-serif; color: #123f6d; } }";

    private static string CssString(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '"' or '\\' or '<' || char.IsControl(c))
            {
                builder.Append('\\').Append(((int)c).ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
