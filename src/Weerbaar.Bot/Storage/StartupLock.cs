using Microsoft.Extensions.Options;
using Npgsql;
using Weerbaar.Core.Storage;

namespace Weerbaar.Bot.Storage;

/// <summary>
/// Lets one instance at a time migrate the database and import the seed, so instances that an orchestrator starts
/// together on an empty PostgreSQL database do not write the same rows at once. It is a PostgreSQL session-level
/// advisory lock on a connection of its own, outside the pool: the lock ends with that session, so an instance that
/// dies while holding it blocks nobody. SQLite serves one instance and needs no lock.
/// </summary>
public sealed class StartupLock(IOptions<StorageOptions> options, TimeProvider timeProvider, ILogger<StartupLock> logger)
{
    /// <summary>
    /// The advisory lock's key: "Weerbaar" in ASCII. Advisory locks are per database, so deployments on other databases
    /// of the same server never wait for each other.
    /// </summary>
    public const long Key = 0x5765_6572_6261_6172;

    /// <summary>Waits (at most <see cref="StorageOptions.StartupLockWaitSeconds"/>) until this instance holds the lock; dispose to release it.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var storage = options.Value;
        if (storage.Provider != StorageProvider.Postgres)
        {
            return Held.None;
        }

        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(storage.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!await TryTakeAsync(connection, cancellationToken))
            {
                await WaitAsync(connection, storage.StartupLockWaitSeconds, cancellationToken);
            }

            return new Held(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<bool> TryTakeAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT pg_try_advisory_lock(@key)");
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private async Task WaitAsync(NpgsqlConnection connection, int seconds, CancellationToken cancellationToken)
    {
        Log.StartupLockWaiting(logger, seconds);
        var started = timeProvider.GetTimestamp();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds), timeProvider);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        await using var command = Command(connection, "SELECT pg_advisory_lock(@key)");
        // The token bounds the wait (Npgsql cancels the statement on the server), not the default command timeout.
        command.CommandTimeout = 0;
        try
        {
            await command.ExecuteNonQueryAsync(waiting.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Log.StartupLockTimedOut(logger, seconds);
            throw new TimeoutException($"Another instance held the start-up lock for more than {seconds} s (Storage:StartupLockWaitSeconds).");
        }

        var waited = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
        Log.StartupLockTaken(logger, waited);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", Key);
        return command;
    }

    private sealed class Held(NpgsqlConnection? connection) : IAsyncDisposable
    {
        public static readonly Held None = new(null);

        public async ValueTask DisposeAsync()
        {
            if (connection is null)
            {
                return;
            }

            try
            {
                await using var command = Command(connection, "SELECT pg_advisory_unlock(@key)");
                await command.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // A broken connection: its session, and the lock with it, ended on the server already.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
