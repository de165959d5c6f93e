using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Weerbaar.Core.Storage;

/// <summary>
/// Creates the provider's flavour of <see cref="WeerbaarDbContext"/> from <see cref="StorageOptions"/>, so the rest of
/// the code asks for the base type and never needs to know which database it talks to.
/// </summary>
public sealed class WeerbaarDbContextFactory : IDbContextFactory<WeerbaarDbContext>
{
    private readonly StorageProvider _provider;
    private readonly DbContextOptions _options;

    public WeerbaarDbContextFactory(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _provider = options.Value.Provider;
        _options = BuildOptions(options.Value);
    }

    public WeerbaarDbContext CreateDbContext() => _provider switch
    {
        StorageProvider.Postgres => new PostgresWeerbaarDbContext(_options),
        _ => new SqliteWeerbaarDbContext(_options),
    };

    /// <summary>The EF Core options for <paramref name="storage"/>; creates the SQLite file's folder when needed.</summary>
    public static DbContextOptions BuildOptions(StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var builder = new DbContextOptionsBuilder();
        switch (storage.Provider)
        {
            case StorageProvider.Postgres:
                builder.UseNpgsql(storage.ConnectionString);
                break;
            default:
                EnsureSqliteFolder(storage.ConnectionString);
                builder.UseSqlite(storage.ConnectionString);
                builder.AddInterceptors(SqliteConnectionSettings.Instance);
                break;
        }

        builder.AddInterceptors(DatabaseUsageInterceptor.Instance, TurnWritesInterceptor.Instance);
        return builder.Options;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
