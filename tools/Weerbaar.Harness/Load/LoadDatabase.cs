using Npgsql;

namespace Weerbaar.Harness.Load;

/// <summary>
/// A fresh database for one load scenario, shared by its instances: a SQLite file in a new temporary folder, or a
/// new PostgreSQL database created through an admin connection string. Disposing removes it.
/// </summary>
internal sealed class LoadDatabase : IAsyncDisposable
{
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private LoadDatabase(string provider, string connectionString, string folder, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    /// <summary>The value of <c>Storage:Provider</c>.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>A temporary folder for this scenario (the SQLite file, the instances' working directory).</summary>
    public string Folder { get; }

    public static LoadDatabase CreateSqlite()
    {
        var folder = CreateFolder();
        return new LoadDatabase("Sqlite", $"Data Source={Path.Combine(folder, "weerbaar.db")}", folder, null, null);
    }

    public static async Task<LoadDatabase> CreatePostgresAsync(string adminConnectionString, CancellationToken cancellationToken)
    {
        var name = $"weerbaar_load_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
        return new LoadDatabase("Postgres", connectionString, CreateFolder(), adminConnectionString, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is not null)
        {
            // WITH (FORCE) ends connections an instance that was just killed may have left behind.
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync(CancellationToken.None);
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
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

    private static string CreateFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"weerbaar-load-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// Settings for a bot process on this database in local mode: Development without an app id (so unauthenticated
    /// benchmark calls are accepted and replies need no token), warnings only, extractive answers.
    /// </summary>
    public Dictionary<string, string?> LocalBotSettings() => new()
    {
        ["MicrosoftAppId"] = string.Empty,
        ["MicrosoftAppPassword"] = string.Empty,
        ["MicrosoftAppType"] = string.Empty,
        ["ConnectionStrings:Weerbaar"] = ConnectionString,
        ["Storage:Provider"] = Provider,
        ["Logging:LogLevel:Default"] = "Warning",
        ["AzureOpenAI:Endpoint"] = string.Empty,
    };
}
