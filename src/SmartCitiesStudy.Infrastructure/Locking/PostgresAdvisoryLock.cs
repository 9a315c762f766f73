using Npgsql;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Infrastructure.Locking;

/// <summary>
/// A lock across every instance on one PostgreSQL database: a session-level advisory lock
/// (<c>pg_advisory_lock</c> family) held on a connection of its own, opened for the lock and closed with it.
/// The key is <see cref="AdvisoryLockKey"/>. Waiting polls <c>pg_try_advisory_lock</c> every
/// <see cref="PollInterval"/> rather than blocking in <c>pg_advisory_lock</c>: cancelling is then a client-side
/// delay that ends, with no server-side cancel request racing a lock being granted. Released with
/// <c>pg_advisory_unlock</c>; the connection is not pooled, so closing it ends the session and would release the
/// lock even if the unlock failed or the instance died (the server drops a dead client's session).
/// Session locks need a session: behind PgBouncer in transaction mode this lock does not hold.
/// </summary>
internal sealed class PostgresAdvisoryLock(DatabaseSettings settings) : IDistributedLock
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(settings.ConnectionString)
    {
        Pooling = false,
        ApplicationName = "SmartCitiesStudy lock",
    }.ConnectionString;

    public async Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken = default)
    {
        var id = AdvisoryLockKey.Of(key);
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            while (!await TryLockAsync(connection, id, cancellationToken))
            {
                await Task.Delay(PollInterval, cancellationToken);
            }

            return new Held(connection, id);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, long id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = id } } };
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private sealed class Held(NpgsqlConnection connection, long id) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = id } } };
                await command.ExecuteScalarAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
                // The connection broke: its session is gone on the server, and the lock with it.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
