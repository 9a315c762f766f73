using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace SmartCitiesStudy.Infrastructure.Persistence.Backups;

/// <summary>
/// Runs PostgreSQL's client programs (<c>pg_dump</c>, <c>pg_restore</c>): found on PATH, else in Debian's
/// <c>/usr/lib/postgresql/&lt;version&gt;/bin</c> (newest first). The password goes through the environment
/// (PGPASSWORD), never on a command line another user could read.
/// </summary>
internal static class PostgresTools
{
    public static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, string connectionString, CancellationToken cancellationToken)
    {
        var path = Find(program) ?? throw new BackupException(
            $"{program} was not found on PATH nor in /usr/lib/postgresql/*/bin: install PostgreSQL's client programs, of the server's major version or newer (Debian: apt-get install postgresql-client).");
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.Password))
        {
            start.Environment["PGPASSWORD"] = builder.Password;
        }

        using var process = Process.Start(start) ?? throw new BackupException($"{path} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            var first = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
            throw new BackupException($"{program} failed (exit code {process.ExitCode.ToString(CultureInfo.InvariantCulture)}): {first}");
        }

        return await output;
    }

    /// <summary>The connection as libpq keywords (without the password), for <c>--dbname</c>.</summary>
    public static string ConnectionInfo(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var parts = new List<string>();
        Add(parts, "host", builder.Host);
        Add(parts, "port", builder.Port.ToString(CultureInfo.InvariantCulture));
        Add(parts, "dbname", builder.Database);
        Add(parts, "user", builder.Username);
        if (builder.SslMode is not SslMode.Prefer)
        {
            Add(parts, "sslmode", builder.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Allow => "allow",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            });
        }

        return string.Join(' ', parts);
    }

    private static void Add(List<string> parts, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add($"{key}='{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'");
        }
    }

    private static string? Find(string program)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program));
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin", program))
            : [];
        return onPath.Concat(debian).FirstOrDefault(File.Exists);
    }
}
