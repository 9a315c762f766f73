using System.Diagnostics;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Web.Tests.Deployment;

/// <summary>
/// The Dockerfile's build stage, checked without a Docker engine (these machines have none): its COPY order against
/// .dockerignore and the projects each restore needs, and, once per test run, its RUN commands replayed for real in
/// a clean folder (restore, then publish with --no-restore, as in the image).
/// </summary>
public sealed class DockerfileTests(ITestOutputHelper output)
{
    private const string WebProject = "src/SmartCitiesStudy.Web/SmartCitiesStudy.Web.csproj";
    private const string CliProject = "src/SmartCitiesStudy.Cli/SmartCitiesStudy.Cli.csproj";

    /// <summary>The build stage as it was when the image could not build (issue 26): Reports.csproj never copied.</summary>
    private const string BrokenBuildStage = """
        FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
        WORKDIR /source
        COPY SmartCitiesStudy.sln Directory.Build.props Directory.Packages.props global.json .editorconfig ./
        COPY src/SmartCitiesStudy.Domain/SmartCitiesStudy.Domain.csproj                         src/SmartCitiesStudy.Domain/
        COPY src/SmartCitiesStudy.Application/SmartCitiesStudy.Application.csproj               src/SmartCitiesStudy.Application/
        COPY src/SmartCitiesStudy.Infrastructure/SmartCitiesStudy.Infrastructure.csproj         src/SmartCitiesStudy.Infrastructure/
        COPY src/SmartCitiesStudy.Migrations.Postgres/SmartCitiesStudy.Migrations.Postgres.csproj src/SmartCitiesStudy.Migrations.Postgres/
        COPY src/SmartCitiesStudy.Migrations.Sqlite/SmartCitiesStudy.Migrations.Sqlite.csproj   src/SmartCitiesStudy.Migrations.Sqlite/
        COPY src/SmartCitiesStudy.Web/SmartCitiesStudy.Web.csproj                               src/SmartCitiesStudy.Web/
        COPY src/SmartCitiesStudy.Cli/SmartCitiesStudy.Cli.csproj                               src/SmartCitiesStudy.Cli/
        RUN dotnet restore src/SmartCitiesStudy.Web/SmartCitiesStudy.Web.csproj \
         && dotnet restore src/SmartCitiesStudy.Cli/SmartCitiesStudy.Cli.csproj
        COPY src/ src/
        RUN dotnet publish src/SmartCitiesStudy.Web/SmartCitiesStudy.Web.csproj -c Release --no-restore -p:UseAppHost=false -o /app/web \
         && dotnet publish src/SmartCitiesStudy.Cli/SmartCitiesStudy.Cli.csproj -c Release --no-restore -p:UseAppHost=false -o /app/cli
        FROM debian:bookworm-slim AS runtime
        """;

    private static string Dockerfile => File.ReadAllText(Path.Combine(Repository.Root, "Dockerfile"));

    [Fact]
    public void Every_project_the_web_app_and_the_cli_need_is_copied_before_the_restore_that_needs_it()
    {
        var problems = RestoreProblems(Dockerfile);
        Assert.True(problems.Count == 0, "The Dockerfile's build stage would fail:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void The_check_catches_the_build_stage_that_forgot_a_project()
    {
        var problems = RestoreProblems(BrokenBuildStage);
        Assert.Contains(problems, p => p.Contains("src/SmartCitiesStudy.Reports/SmartCitiesStudy.Reports.csproj", StringComparison.Ordinal));
    }

    [Fact]
    public void The_image_publishes_the_web_app_and_the_cli_and_checks_readiness()
    {
        var published = new List<string>();
        DockerBuildStage.Parse(Dockerfile, "build").Replay(Repository.Root, DockerIgnore.Load(Repository.Root), command =>
        {
            if (command.IsDotnet("publish"))
            {
                published.Add(RelativeProject(command));
            }
        });
        Assert.Equal([CliProject, WebProject], published.Order(StringComparer.Ordinal));
        Assert.Contains("/health/ready", Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_build_stage_replayed_in_a_clean_folder_publishes_both_apps()
    {
        // Minutes of restore and publish: once per test run (./test.sh runs this project once per database).
        Assert.SkipUnless(TestDatabase.ProviderUnderTest == DatabaseProvider.Sqlite, "Replayed once per test run, on the SQLite pass.");
        var ct = TestContext.Current.CancellationToken;
        var root = Directory.CreateTempSubdirectory("scs-docker-replay-").FullName;
        try
        {
            var written = new HashSet<string>(StringComparer.Ordinal);
            var commands = new List<DockerRunCommand>();
            DockerBuildStage.Parse(Dockerfile, "build").Replay(Repository.Root, DockerIgnore.Load(Repository.Root), commands.Add);
            foreach (var command in commands)
            {
                Assert.True(command.Words[0] == "dotnet", $"Line {command.Line}: only dotnet commands are replayed ({string.Join(' ', command.Words)}).");
                foreach (var (imagePath, source) in command.Files)
                {
                    if (written.Add(imagePath))
                    {
                        var target = root + imagePath;
                        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                        File.Copy(source, target, overwrite: true);
                    }
                }

                var arguments = command.Words.Skip(1).Select(w => w.StartsWith('/') ? root + w : w).ToList();
                var watch = Stopwatch.StartNew();
                var (exitCode, log) = await RunDotnetAsync(root + command.WorkingFolder, arguments, ct);
                output.WriteLine($"line {command.Line}: {string.Join(' ', command.Words)} → exit {exitCode} in {watch.Elapsed.TotalSeconds:0} s");
                Assert.True(exitCode == 0, $"Line {command.Line}: `{string.Join(' ', command.Words)}` failed in the replay:\n{Tail(log)}");
            }

            Assert.True(File.Exists(Path.Combine(root, "app/web/SmartCitiesStudy.Web.dll")), "no /app/web/SmartCitiesStudy.Web.dll");
            Assert.True(File.Exists(Path.Combine(root, "app/web/SmartCitiesStudy.Web.staticwebassets.endpoints.json")), "the web app was published without its static web assets");
            Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(root, "app/web/wwwroot"), "*.css", SearchOption.AllDirectories));
            Assert.True(File.Exists(Path.Combine(root, "app/cli/SmartCitiesStudy.Cli.dll")), "no /app/cli/SmartCitiesStudy.Cli.dll");
            Assert.True(File.Exists(Path.Combine(root, "app/cli/appsettings.json")), "no /app/cli/appsettings.json");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// What would break the build stage: a restore that runs before a project it needs (or the solution-wide props)
    /// is in the image, or a publish with --no-restore of a project no restore covered (NETSDK1004).
    /// </summary>
    private static List<string> RestoreProblems(string dockerfile)
    {
        var problems = new List<string>();
        var restored = new HashSet<string>(StringComparer.Ordinal);
        DockerBuildStage.Parse(dockerfile, "build").Replay(Repository.Root, DockerIgnore.Load(Repository.Root), command =>
        {
            if (!command.IsDotnet("restore") && !command.IsDotnet("publish"))
            {
                return;
            }

            if (!command.Files.ContainsKey(command.Project))
            {
                problems.Add($"line {command.Line}: {command.Words[1]} {command.Project}, which is not in the image");
                return;
            }

            var project = RelativeProject(command);
            var imageRoot = command.Project[..^project.Length];
            if (command.IsDotnet("restore"))
            {
                foreach (var needed in Repository.ProjectClosure(project).Concat(["Directory.Build.props", "Directory.Packages.props", "global.json"]))
                {
                    if (!File.Exists(Path.Combine(Repository.Root, needed)))
                    {
                        continue;
                    }

                    if (command.Files.ContainsKey(imageRoot + needed))
                    {
                        restored.Add(needed);
                    }
                    else
                    {
                        problems.Add($"line {command.Line}: dotnet restore {project} runs before {needed} is copied into the image");
                    }
                }
            }
            else if (command.Words.Contains("--no-restore"))
            {
                problems.AddRange(Repository.ProjectClosure(project)
                    .Where(p => !restored.Contains(p))
                    .Select(p => $"line {command.Line}: dotnet publish {project} --no-restore, but {p} was never restored (NETSDK1004: no project.assets.json)"));
            }
        });
        return problems;
    }

    private static string RelativeProject(DockerRunCommand command) =>
        Path.GetRelativePath(Repository.Root, command.Files[command.Project]).Replace('\\', '/');

    private static async Task<(int ExitCode, string Log)> RunDotnetAsync(string workingFolder, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1"; // no build servers left behind holding the test's output
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(6));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Tail(string log) => string.Join('\n', log.Split('\n').TakeLast(30));
}
