using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SmartCitiesStudy.Web.Tests.Localization;

/// <summary>Every UI string the code localises has a Spanish and a French translation.</summary>
public sealed partial class TranslationCoverageTests
{
    private static readonly string WebProject = Path.Combine(RepositoryRoot(), "src", "SmartCitiesStudy.Web");

    public static TheoryData<string> Languages => ["es", "fr"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_localised_string_is_translated(string language)
    {
        var translated = XDocument.Load(Path.Combine(WebProject, "Resources", $"SharedResource.{language}.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty);

        var missing = UsedKeys().Where(k => !translated.TryGetValue(k, out var text) || string.IsNullOrWhiteSpace(text)).ToList();

        Assert.True(missing.Count == 0, $"Missing {language} translations (run scripts/resx.py missing):\n" + string.Join('\n', missing));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Translations_keep_their_placeholders(string language)
    {
        var entries = XDocument.Load(Path.Combine(WebProject, "Resources", $"SharedResource.{language}.resx")).Root!.Elements("data");
        foreach (var entry in entries)
        {
            var key = (string)entry.Attribute("name")!;
            var value = (string?)entry.Element("value") ?? string.Empty;
            Assert.Equal(Placeholder().Matches(key).Select(m => m.Value).Order(), Placeholder().Matches(value).Select(m => m.Value).Order());
        }
    }

    private static IEnumerable<string> UsedKeys() =>
        Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalisedString().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .Distinct(StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SmartCitiesStudy.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root from " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""(?<![A-Za-z])(?:L|localizer)\["((?:[^"\\]|\\.)*)"\]""")]
    private static partial Regex LocalisedString();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
