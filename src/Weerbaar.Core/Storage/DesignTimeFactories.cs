using Microsoft.EntityFrameworkCore.Design;

namespace Weerbaar.Core.Storage;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteWeerbaarDbContext</c> build the model without the host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWeerbaarDbContext>
{
    public SqliteWeerbaarDbContext CreateDbContext(string[] args) => new(WeerbaarDbContextFactory.BuildOptions(
        new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = "Data Source=:memory:" }));
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresWeerbaarDbContext</c> build the model without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWeerbaarDbContext>
{
    public PostgresWeerbaarDbContext CreateDbContext(string[] args) => new(WeerbaarDbContextFactory.BuildOptions(
        new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=localhost;Database=weerbaar" }));
}
