using System.Xml.Linq;

namespace SmartCitiesStudy.Web.Tests.Deployment;

/// <summary>The repository the tests run from: its root and the project references between its projects.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// <paramref name="project"/> (relative to the root, forward slashes) and every project it references, directly or
    /// not, as relative paths.
    /// </summary>
    public static IReadOnlySet<string> ProjectClosure(string project)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!found.Add(current))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(Path.Combine(Root, current))!;
            foreach (var reference in XDocument.Load(Path.Combine(Root, current)).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")?.Value.Replace('\\', '/');
                if (!string.IsNullOrEmpty(include))
                {
                    pending.Push(Path.GetRelativePath(Root, Path.GetFullPath(Path.Combine(folder, include))).Replace('\\', '/'));
                }
            }
        }

        return found;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SmartCitiesStudy.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root from " + AppContext.BaseDirectory);
    }
}
