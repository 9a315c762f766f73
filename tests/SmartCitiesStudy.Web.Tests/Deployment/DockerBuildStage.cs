using System.Text.RegularExpressions;

namespace SmartCitiesStudy.Web.Tests.Deployment;

/// <summary>One instruction of a Dockerfile (continuation lines joined).</summary>
public sealed record DockerInstruction(string Keyword, string Arguments, int Line);

/// <summary>
/// A stage of a Dockerfile replayed without a Docker engine: its COPY instructions applied to an in-memory image
/// (paths in the image → files of the build context, <c>.dockerignore</c> honoured), its WORKDIR followed, and its
/// RUN commands handed to the caller with the files copied so far. Enough for the build stage of our Dockerfile:
/// COPY with files, folders, globs and <c>--parents</c>; RUN lines of commands joined by <c>&amp;&amp;</c>.
/// </summary>
public sealed partial class DockerBuildStage
{
    private DockerBuildStage(IReadOnlyList<DockerInstruction> instructions) => Instructions = instructions;

    public IReadOnlyList<DockerInstruction> Instructions { get; }

    /// <summary>The instructions of stage <paramref name="stage"/> (the <c>FROM … AS stage</c> up to the next FROM).</summary>
    public static DockerBuildStage Parse(string dockerfile, string stage)
    {
        var all = new List<DockerInstruction>();
        var lines = dockerfile.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var current = "";
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (current.Length == 0 && (line.TrimStart().StartsWith('#') || line.Trim().Length == 0))
            {
                continue;
            }

            if (line.TrimStart().StartsWith('#'))
            {
                continue; // a comment inside a continued instruction
            }

            if (current.Length == 0)
            {
                start = i + 1;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }

            current += line;
            var match = InstructionSyntax().Match(current.Trim());
            all.Add(new DockerInstruction(match.Groups[1].Value.ToUpperInvariant(), match.Groups[2].Value.Trim(), start));
            current = "";
        }

        var from = all.FindIndex(x => x.Keyword == "FROM" && x.Arguments.EndsWith(" AS " + stage, StringComparison.OrdinalIgnoreCase));
        if (from < 0)
        {
            throw new InvalidOperationException($"No stage '{stage}' in the Dockerfile.");
        }

        var end = all.FindIndex(from + 1, x => x.Keyword == "FROM");
        return new DockerBuildStage(all.GetRange(from + 1, (end < 0 ? all.Count : end) - from - 1));
    }

    /// <summary>
    /// Applies the stage to the build context in <paramref name="contextFolder"/>: calls <paramref name="run"/> for
    /// every command of every RUN with the working folder and the files in the image at that point.
    /// </summary>
    public void Replay(string contextFolder, DockerIgnore ignore, Action<DockerRunCommand> run)
    {
        var context = ContextFiles(contextFolder, ignore);
        var image = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var workdir = "/";
        foreach (var instruction in Instructions)
        {
            switch (instruction.Keyword)
            {
                case "WORKDIR":
                    workdir = Resolve(workdir, instruction.Arguments);
                    break;
                case "COPY":
                    Copy(instruction, context, contextFolder, workdir, image);
                    break;
                case "RUN":
                    foreach (var command in instruction.Arguments.Split("&&", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        run(new DockerRunCommand(instruction.Line, workdir, SplitWords(command), image));
                    }

                    break;
                case "ADD":
                    throw new InvalidOperationException($"Line {instruction.Line}: ADD is not replayed; use COPY.");
                default:
                    break; // ENV, ARG, LABEL…: nothing to replay for the build
            }
        }
    }

    private static void Copy(DockerInstruction instruction, IReadOnlyList<string> context, string contextFolder, string workdir, SortedDictionary<string, string> image)
    {
        var words = SplitWords(instruction.Arguments);
        var flags = words.TakeWhile(w => w.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (flags.Any(f => f.StartsWith("--from", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"Line {instruction.Line}: COPY --from is not replayed in the build stage.");
        }

        var parents = flags.Contains("--parents");
        var rest = words.Skip(flags.Count).ToList();
        var sources = rest[..^1];
        var destination = Resolve(workdir, rest[^1]);
        var destinationIsFolder = rest[^1].EndsWith('/') || rest[^1] is "." or "./" || sources.Count > 1 || sources.Any(HasWildcard);
        foreach (var source in sources)
        {
            var pattern = source.TrimStart('/');
            if (pattern.StartsWith("./", StringComparison.Ordinal))
            {
                pattern = pattern[2..];
            }

            pattern = pattern.TrimEnd('/');
            if (pattern is "" or ".")
            {
                foreach (var file in context)
                {
                    image[Join(destination, file)] = Path.Combine(contextFolder, file);
                }

                continue;
            }

            var matcher = GlobRegex(pattern);
            var matched = false;
            foreach (var file in context)
            {
                if (matcher.IsMatch(file))
                {
                    // A file named (or matched) by the source.
                    var target = parents ? Join(destination, file)
                        : destinationIsFolder ? Join(destination, Path.GetFileName(file))
                        : destination;
                    image[target] = Path.Combine(contextFolder, file);
                    matched = true;
                    continue;
                }

                // A file inside a folder named (or matched) by the source: the folder's contents are copied.
                var folder = FolderPrefix(matcher, file);
                if (folder is not null)
                {
                    var inside = file[(folder.Length + 1)..];
                    image[Join(destination, parents ? file : inside)] = Path.Combine(contextFolder, file);
                    matched = true;
                }
            }

            if (!matched && !parents)
            {
                throw new InvalidOperationException($"Line {instruction.Line}: COPY {source}: no such file in the build context (or .dockerignore drops it).");
            }
        }
    }

    private static string? FolderPrefix(Regex matcher, string file)
    {
        var parts = file.Split('/');
        for (var i = 1; i < parts.Length; i++)
        {
            var prefix = string.Join('/', parts[..i]);
            if (matcher.IsMatch(prefix))
            {
                return prefix;
            }
        }

        return null;
    }

    /// <summary>Every file of the build context (relative, forward slashes) that .dockerignore lets through.</summary>
    private static List<string> ContextFiles(string root, DockerIgnore ignore)
    {
        var files = new List<string>();
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
            {
                var relative = Path.GetRelativePath(root, entry).Replace('\\', '/');
                if (ignore.IsIgnored(relative))
                {
                    continue;
                }

                if (Directory.Exists(entry))
                {
                    pending.Push(entry);
                }
                else
                {
                    files.Add(relative);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static bool HasWildcard(string source) => source.IndexOfAny(['*', '?', '[']) >= 0;

    private static Regex GlobRegex(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);

    private static string Resolve(string workdir, string path) =>
        path.StartsWith('/') ? Normalise(path) : Normalise(workdir.TrimEnd('/') + "/" + path);

    private static string Join(string folder, string relative) => Normalise(folder.TrimEnd('/') + "/" + relative);

    private static string Normalise(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return "/" + string.Join('/', parts);
    }

    private static List<string> SplitWords(string text) =>
        [.. Words().Matches(text).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Value)];

    [GeneratedRegex(@"^(\w+)\s+(.*)$", RegexOptions.Singleline)]
    private static partial Regex InstructionSyntax();

    [GeneratedRegex("\"([^\"]*)\"|'([^']*)'|\\S+")]
    private static partial Regex Words();
}

/// <summary>One command of a RUN: its words, the working folder, and the image's files (image path → context file).</summary>
public sealed record DockerRunCommand(int Line, string WorkingFolder, IReadOnlyList<string> Words, IReadOnlyDictionary<string, string> Files)
{
    public bool IsDotnet(string verb) => Words.Count > 1 && Words[0] == "dotnet" && Words[1] == verb;

    /// <summary>The project file a <c>dotnet restore|publish PROJECT</c> names, as a path in the image.</summary>
    public string Project => Words.Skip(2).First(w => !w.StartsWith('-')) is var p && p.StartsWith('/') ? p : WorkingFolder.TrimEnd('/') + "/" + p;
}
