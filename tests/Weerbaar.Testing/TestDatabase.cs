using Microsoft.EntityFrameworkCore;
using Npgsql;
using Weerbaar.Core.Storage;

namespace Weerbaar.Testing;

/// <summary>
/// A fresh, empty database for a test class or a load scenario: a SQLite file in a new scratch folder, or a new
/// PostgreSQL database created through an admin connection string. Disposing drops the database and the folder.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresAdmin;

    private TestDatabase(StorageProvider provider, string connectionString, string folder, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _postgresAdmin = postgresAdmin;
        PostgresName = postgresName;
    }

    public StorageProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>A scratch folder that goes with the database (the SQLite file; a bot process's working directory).</summary>
    public string Folder { get; }

    public string? PostgresName { get; }

    public StorageOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString };

    /// <summary>Configuration keys that point the bot at this database.</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Weerbaar"] = ConnectionString,
    };

    /// <summary>Applies the provider's migrations and returns the factory the bot's own services would use.</summary>
    public async Task<WeerbaarDbContextFactory> MigrateAsync()
    {
        var contexts = new WeerbaarDbContextFactory(Microsoft.Extensions.Options.Options.Create(Options));
        await using var db = contexts.CreateDbContext();
        await db.Database.MigrateAsync();
        return contexts;
    }

    public static TestDatabase CreateSqlite()
    {
        var folder = TestDirectories.Create("db");
        return new TestDatabase(StorageProvider.Sqlite, $"Data Source={Path.Combine(folder, "weerbaar.db")}", folder, null, null);
    }

    public static async Task<TestDatabase> CreatePostgresAsync(string adminConnectionString, CancellationToken cancellationToken = default)
    {
        var name = $"weerbaar_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name };
        return new TestDatabase(StorageProvider.Postgres, builder.ConnectionString, TestDirectories.Create("db"), adminConnectionString, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is not null)
        {
            // WITH (FORCE) ends connections a bot process that was just killed may have left behind.
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PostgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the system's temporary folder cleanup takes it.
        }
    }
}
