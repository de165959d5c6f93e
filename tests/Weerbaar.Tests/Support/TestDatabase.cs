using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Weerbaar.Core.Storage;

namespace Weerbaar.Tests.Support;

/// <summary>A fresh, empty database for one test class: a SQLite file, or a new PostgreSQL database that is dropped afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresAdmin;

    private TestDatabase(StorageProvider provider, string connectionString, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresAdmin = postgresAdmin;
        PostgresName = postgresName;
    }

    public StorageProvider Provider { get; }

    public string ConnectionString { get; }

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

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider)
    {
        if (provider == StorageProvider.Sqlite)
        {
            var path = Path.Combine(TestDirectories.Create("db"), "weerbaar.db");
            return new TestDatabase(provider, $"Data Source={path}", null, null);
        }

        var admin = await TestEnvironment.PostgresAdminConnectionStringAsync();
        var name = $"weerbaar_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_postgresAdmin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PostgresName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
