using System.Text.RegularExpressions;

namespace SmartCitiesStudy.Web.Tests.Deployment;

/// <summary>
/// The rules of a <c>.dockerignore</c> file, as Docker applies them to the build context: Go-style patterns
/// (<c>*</c>, <c>?</c>, <c>**</c> for any number of folders) matched against paths relative to the context, a
/// pattern that matches a folder excludes everything in it, <c>!</c> re-includes, and the last matching line wins.
/// </summary>
public sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Exclude)> _rules = [];

    public DockerIgnore(IEnumerable<string> lines)
    {
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var exclude = !line.StartsWith('!');
            var pattern = (exclude ? line : line[1..]).Trim().TrimStart('/').TrimEnd('/');
            if (pattern.StartsWith("./", StringComparison.Ordinal))
            {
                pattern = pattern[2..];
            }

            _rules.Add((ToRegex(pattern), exclude));
        }
    }

    public static DockerIgnore Load(string contextFolder)
    {
        var file = Path.Combine(contextFolder, ".dockerignore");
        return new DockerIgnore(File.Exists(file) ? File.ReadAllLines(file) : []);
    }

    /// <summary>Whether <paramref name="relativePath"/> (forward slashes) stays out of the build context.</summary>
    public bool IsIgnored(string relativePath)
    {
        // The path itself or any folder above it: "**/obj" drops src/X/obj/project.assets.json.
        var parts = relativePath.Split('/');
        var ignored = false;
        foreach (var (pattern, exclude) in _rules)
        {
            for (var i = 1; i <= parts.Length; i++)
            {
                if (pattern.IsMatch(string.Join('/', parts[..i])))
                {
                    ignored = exclude;
                    break;
                }
            }
        }

        return ignored;
    }

    private static Regex ToRegex(string pattern)
    {
        var regex = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" is any number of folders (none included); a trailing "**" is anything.
                if (i + 2 < pattern.Length && pattern[i + 2] == '/')
                {
                    regex.Append("(?:.*/)?");
                    i += 2;
                }
                else
                {
                    regex.Append(".*");
                    i++;
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
