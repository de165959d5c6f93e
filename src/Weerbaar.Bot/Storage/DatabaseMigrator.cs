using Microsoft.EntityFrameworkCore;
using Weerbaar.Core.Storage;

namespace Weerbaar.Bot.Storage;

/// <summary>
/// Applies the provider's migrations before the web server starts listening, so the first request finds the
/// schema in place. EF Core takes a database lock while migrating, so instances that start together are safe.
/// </summary>
internal sealed class DatabaseMigrator(IDbContextFactory<WeerbaarDbContext> contextFactory, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers and one writer work at the same time; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        Log.DatabaseReady(logger, db.Database.ProviderName ?? "unknown");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
