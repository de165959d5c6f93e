using System.ComponentModel.DataAnnotations;

namespace Weerbaar.Core.Storage;

/// <summary>Where Weerbaar keeps its data. Bound from the <c>Storage</c> section and <c>ConnectionStrings:Weerbaar</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Storage";

    /// <summary>The default connection string: a SQLite file under <c>data/</c> in the working directory.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/weerbaar.db";

    /// <summary>The database engine; <see cref="StorageProvider.Sqlite"/> unless configured.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The provider's connection string (from <c>ConnectionStrings:Weerbaar</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;

    /// <summary>
    /// How long an instance waits on start while another one migrates the PostgreSQL database and imports the seed;
    /// past it the instance stops with an error (and the orchestrator starts it again).
    /// </summary>
    [Range(1, 3600)]
    public int StartupLockWaitSeconds { get; set; } = 120;
}
