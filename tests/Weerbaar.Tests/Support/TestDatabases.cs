using Weerbaar.Core.Storage;

namespace Weerbaar.Tests.Support;

/// <summary>A fresh database of the given provider, PostgreSQL from the test environment (skips or fails the test without it).</summary>
public static class TestDatabases
{
    public static async Task<TestDatabase> CreateAsync(StorageProvider provider) =>
        provider == StorageProvider.Sqlite
            ? TestDatabase.CreateSqlite()
            : await TestDatabase.CreatePostgresAsync(await TestEnvironment.PostgresAdminConnectionStringAsync());
}
