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
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static SqliteConnectionSettings Instance { get; } = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL;";

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
