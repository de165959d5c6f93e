namespace Weerbaar.Core.Storage;

/// <summary>The database engine that holds Weerbaar's data.</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file: nothing to install, one instance.</summary>
    Sqlite,

    /// <summary>PostgreSQL through Npgsql: what several instances share.</summary>
    Postgres,
}
