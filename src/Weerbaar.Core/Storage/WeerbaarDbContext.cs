using Microsoft.EntityFrameworkCore;

namespace Weerbaar.Core.Storage;

/// <summary>
/// The one database context of Weerbaar. Each provider has a subclass that owns its own migrations
/// (EF Core's "migrations with multiple providers"); code elsewhere depends on this base type only.
/// </summary>
public class WeerbaarDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Conversational state items of the bot.</summary>
    public DbSet<StateRecord> StateRecords => Set<StateRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<StateRecord>(entity =>
        {
            entity.ToTable("state_records");
            entity.HasKey(r => r.Key);
            entity.Property(r => r.Key).HasMaxLength(1024);
            entity.Property(r => r.Document).IsRequired();
            entity.Property(r => r.Version).IsConcurrencyToken();
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite cannot order or compare DateTimeOffset natively; storing UTC ticks works the same on both providers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}

/// <summary>The SQLite flavour of <see cref="WeerbaarDbContext"/>, with the SQLite migrations.</summary>
public sealed class SqliteWeerbaarDbContext(DbContextOptions options) : WeerbaarDbContext(options);

/// <summary>The PostgreSQL flavour of <see cref="WeerbaarDbContext"/>, with the PostgreSQL migrations.</summary>
public sealed class PostgresWeerbaarDbContext(DbContextOptions options) : WeerbaarDbContext(options);
