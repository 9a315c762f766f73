using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SmartCitiesStudy.Infrastructure.Persistence.Backups;

/// <summary>
/// Backs the installation's database up to one file and restores it (ADR 0032). SQLite through its online backup API,
/// consistent while the app runs; PostgreSQL through <c>pg_dump -Fc</c> and <c>pg_restore</c>. A restore checks the
/// file before touching anything: that it is a backup of this provider, that this version of the app knows its schema,
/// and that the target is empty unless replacing it was asked for. Problems are thrown as
/// <see cref="BackupException"/> with one readable sentence.
/// </summary>
public sealed class DatabaseBackup(StudyDbContext db, DatabaseSettings settings)
{
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");
    private static readonly byte[] PostgresHeader = Encoding.ASCII.GetBytes("PGDMP");

    public async Task<BackupResult> BackupAsync(string outPath, bool force, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(outPath);
        if (File.Exists(target) && !force)
        {
            throw new BackupException($"{target} already exists: pass --force to overwrite it.");
        }

        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        if (applied.Count == 0)
        {
            throw new BackupException($"The database {settings.Describe()} has no schema yet: there is nothing to back up (run `db migrate` first).");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        // Written beside the target and moved in place once complete: a failed backup never leaves a half file there.
        var partial = target + ".partial";
        try
        {
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                BackupSqlite(partial);
            }
            else
            {
                await PostgresTools.RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", $"--file={partial}", $"--dbname={PostgresTools.ConnectionInfo(settings.ConnectionString)}"], settings.ConnectionString, cancellationToken);
            }

            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        return new BackupResult(target, new FileInfo(target).Length, applied[^1]);
    }

    public async Task<RestoreResult> RestoreAsync(string file, bool force, CancellationToken cancellationToken = default)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source))
        {
            throw new BackupException($"The backup file {source} does not exist.");
        }

        var kind = await KindOfAsync(source, cancellationToken);
        if (kind != settings.Provider)
        {
            throw new BackupException(kind is null
                ? $"{source} is not a backup: it is neither a SQLite database nor a pg_dump custom-format archive."
                : $"{source} is a {kind} backup, but this installation's database is {settings.Provider}: restore it into a {kind} installation.");
        }

        var schema = settings.Provider == DatabaseProvider.Sqlite
            ? ReadSqliteSchema(source)
            : await ReadPostgresSchemaAsync(source, cancellationToken);
        if (schema.Count == 0)
        {
            throw new BackupException($"{source} is not a backup of this application: it has no migration history (__EFMigrationsHistory).");
        }

        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        if (schema.FirstOrDefault(m => !known.Contains(m)) is { } unknown)
        {
            throw new BackupException($"{source} was made by a newer version of the application: its schema has the migration {unknown}, which this version does not know; restore it with the version that made it, or a newer one.");
        }

        var tables = await CountTablesAsync(cancellationToken);
        if (tables > 0 && !force)
        {
            throw new BackupException($"The database {settings.Describe()} is not empty ({tables} tables): pass --force to replace everything in it with the backup.");
        }

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            RestoreSqlite(source);
        }
        else
        {
            await RestorePostgresAsync(source, replace: tables > 0, cancellationToken);
        }

        var latest = db.Database.GetMigrations().LastOrDefault();
        return new RestoreResult(schema[^1], NeedsMigrate: !string.Equals(latest, schema[^1], StringComparison.Ordinal));
    }

    private void BackupSqlite(string partial)
    {
        using var source = new SqliteConnection(settings.ConnectionString);
        source.Open();
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString());
        destination.Open();
        source.BackupDatabase(destination);
    }

    private void RestoreSqlite(string source)
    {
        SqliteConnection.ClearAllPools(); // the app's own pooled connections must not keep the old pages
        using var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        backup.Open();
        var builder = new SqliteConnectionStringBuilder(settings.ConnectionString) { Pooling = false };
        using var target = new SqliteConnection(builder.ToString());
        target.Open();
        backup.BackupDatabase(target); // replaces every page of the target, in one step
    }

    private async Task RestorePostgresAsync(string source, bool replace, CancellationToken cancellationToken)
    {
        if (replace)
        {
            // Everything of the schema goes, including tables a newer version added that the backup does not have.
            await db.Database.ExecuteSqlRawAsync("DO $$ DECLARE s text := current_schema(); BEGIN EXECUTE format('DROP SCHEMA %I CASCADE', s); EXECUTE format('CREATE SCHEMA %I', s); END $$;", cancellationToken);
        }

        await PostgresTools.RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", $"--dbname={PostgresTools.ConnectionInfo(settings.ConnectionString)}", source], settings.ConnectionString, cancellationToken);
    }

    private static async Task<DatabaseProvider?> KindOfAsync(string file, CancellationToken cancellationToken)
    {
        var head = new byte[16];
        await using var stream = File.OpenRead(file);
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (read >= SqliteHeader.Length && head.AsSpan(0, SqliteHeader.Length).SequenceEqual(SqliteHeader))
        {
            return DatabaseProvider.Sqlite;
        }

        return read >= PostgresHeader.Length && head.AsSpan(0, PostgresHeader.Length).SequenceEqual(PostgresHeader) ? DatabaseProvider.Postgres : null;
    }

    private static List<string> ReadSqliteSchema(string source)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
        if (Convert.ToInt64(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return [];
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT migration_id FROM __EFMigrationsHistory ORDER BY migration_id";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    // The archive's rows of the migration history, read without touching any database: pg_restore writes that table's
    // data as a COPY block to standard output.
    private async Task<List<string>> ReadPostgresSchemaAsync(string source, CancellationToken cancellationToken)
    {
        var script = await PostgresTools.RunAsync("pg_restore", ["--data-only", "--table=__EFMigrationsHistory", "--file=-", source], settings.ConnectionString, cancellationToken);
        var ids = new List<string>();
        var inCopy = false;
        foreach (var line in script.Split('\n'))
        {
            if (line.StartsWith("COPY ", StringComparison.Ordinal) && line.Contains("__EFMigrationsHistory", StringComparison.Ordinal))
            {
                inCopy = true;
            }
            else if (inCopy && line == "\\.")
            {
                inCopy = false;
            }
            else if (inCopy && line.Length > 0)
            {
                ids.Add(line.Split('\t')[0]);
            }
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    private async Task<long> CountTablesAsync(CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = settings.Provider == DatabaseProvider.Sqlite
                ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>What a backup wrote.</summary>
public sealed record BackupResult(string Path, long Bytes, string SchemaVersion);

/// <summary>What a restore put in place; <see cref="NeedsMigrate"/> when the backup's schema is older than the app's.</summary>
public sealed record RestoreResult(string SchemaVersion, bool NeedsMigrate);

/// <summary>A backup or restore refused or failed, in one sentence naming the file or database and why.</summary>
public sealed class BackupException : Exception
{
    public BackupException()
    {
    }

    public BackupException(string message)
        : base(message)
    {
    }

    public BackupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
