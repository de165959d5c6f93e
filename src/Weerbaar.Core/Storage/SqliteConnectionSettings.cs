using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Weerbaar.Core.Storage;

/// <summary>
/// Sets what SQLite keeps per connection, on every open (a pooled connection comes back with SQLite's defaults):
/// <c>synchronous=NORMAL</c>. In WAL mode (set once in the file by the migrator) that makes a commit a write to the log
/// without waiting for the disk; the log is flushed at checkpoints. A crash of the process loses nothing; a power cut
/// can lose the last commits, never the file's consistency. That trade is the usual one for WAL and fits a bot whose
/// turns Teams redelivers when they are not answered.
/// And <c>busy_timeout</c>: a writer that finds another one busy waits inside SQLite, which retries within a few
/// milliseconds. Without it Microsoft.Data.Sqlite gets SQLITE_BUSY and retries after sleeping 150 ms, which under load
/// was most of a question's p95 (measured with <c>load</c>: p95 at 4 chats from about 180 to 50 ms).
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static SqliteConnectionSettings Instance { get; } = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";

    private SqliteConnectionSettings()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
