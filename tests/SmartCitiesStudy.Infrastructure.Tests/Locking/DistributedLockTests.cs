using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Concurrency;
using SmartCitiesStudy.Infrastructure.Locking;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Infrastructure.Tests.Locking;

/// <summary>
/// The lock that makes a PDF render once across instances, on the provider under test: on PostgreSQL two lock
/// objects stand for two instances (each holds its own connection); on SQLite, one process, callers share one.
/// </summary>
public sealed class DistributedLockTests : IAsyncLifetime
{
    private static readonly TimeSpan LongerThanAPoll = PostgresAdvisoryLock.PollInterval * 3;
    private TestDatabase? _database;
    private ServiceProvider? _services;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.CreateServices();
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public void The_app_gets_an_advisory_lock_on_PostgreSQL_and_an_in_process_one_on_SQLite()
    {
        var registered = _services!.GetRequiredService<IDistributedLock>();
        Assert.IsType(Database.Provider == DatabaseProvider.Postgres ? typeof(PostgresAdvisoryLock) : typeof(InProcessLock), registered);
    }

    [Fact]
    public async Task A_second_instance_asking_for_a_held_key_waits_until_the_first_releases_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, second) = TwoInstances();
        var held = await first.AcquireAsync("report/Study/2017//fr", ct);
        var waiting = second.AcquireAsync("report/Study/2017//fr", ct);
        await Task.Delay(LongerThanAPoll, ct);
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();
        await using var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(10), ct);
    }

    [Fact]
    public async Task Different_keys_do_not_wait_for_each_other()
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, second) = TwoInstances();
        await using var english = await first.AcquireAsync("report/Study/2017//en", ct);
        await using var french = await second.AcquireAsync("report/Study/2017//fr", ct).WaitAsync(TimeSpan.FromSeconds(10), ct);
    }

    [Fact]
    public async Task Waiting_ends_when_cancelled_and_the_cancelled_waiter_holds_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, second) = TwoInstances();
        var held = await first.AcquireAsync("report/Study/2017//es", ct);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(ct);
        giveUp.CancelAfter(LongerThanAPoll);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.AcquireAsync("report/Study/2017//es", giveUp.Token));

        await held.DisposeAsync();
        await using var again = await first.AcquireAsync("report/Study/2017//es", ct).WaitAsync(TimeSpan.FromSeconds(10), ct);
    }

    [Fact]
    public async Task On_PostgreSQL_it_is_one_advisory_lock_on_the_server_while_held_and_none_after()
    {
        Assert.SkipUnless(Database.Provider == DatabaseProvider.Postgres, "PostgreSQL only (SCS_TEST_DATABASE=Postgres).");
        var ct = TestContext.Current.CancellationToken;
        var (first, _) = TwoInstances();
        var key = AdvisoryLockKey.Of("report/Study/2017//fr");
        var held = await first.AcquireAsync("report/Study/2017//fr", ct);
        Assert.Equal(1, await AdvisoryLocksAsync(key, ct));

        await held.DisposeAsync();
        Assert.Equal(0, await AdvisoryLocksAsync(key, ct));
    }

    [Fact]
    public void The_advisory_key_is_the_same_in_every_process()
    {
        // SHA-256("SmartCitiesStudy/report/Study/2017//fr"), first 8 bytes big-endian: fixed, unlike string.GetHashCode.
        Assert.Equal(2626470517577792473L, AdvisoryLockKey.Of("report/Study/2017//fr"));
        Assert.NotEqual(AdvisoryLockKey.Of("report/Study/2017//fr"), AdvisoryLockKey.Of("report/Study/2017//en"));
    }

    private (IDistributedLock First, IDistributedLock Second) TwoInstances()
    {
        if (Database.Provider == DatabaseProvider.Postgres)
        {
            return (new PostgresAdvisoryLock(Database.Settings), new PostgresAdvisoryLock(Database.Settings));
        }

        var shared = _services!.GetRequiredService<IDistributedLock>();
        return (shared, shared);
    }

    // A 64-bit advisory key shows in pg_locks as classid (high half) and objid (low half), objsubid 1.
    private async Task<long> AdvisoryLocksAsync(long key, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND ((classid::bigint << 32) | objid::bigint) = $1",
            connection)
        {
            Parameters = { new() { Value = key } },
        };
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
