using Microsoft.EntityFrameworkCore;
using Weerbaar.Core.Storage;

namespace Weerbaar.Bot.Storage;

/// <summary>
/// Applies the provider's migrations and then the start-up seeds (<see cref="IDatabaseSeed"/>) before the web server
/// starts listening, so the first request finds the schema and the knowledge in place. Both run under the
/// <see cref="StartupLock"/>: instances that start together take turns, and one that waits does not listen yet, so
/// it is not ready either.
/// </summary>
internal sealed class DatabaseMigrator(
    IDbContextFactory<WeerbaarDbContext> contextFactory,
    StartupLock startupLock,
    IEnumerable<IDatabaseSeed> seeds,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (await startupLock.AcquireAsync(cancellationToken))
        {
            await MigrateAsync(cancellationToken);
            foreach (var seed in seeds)
            {
                await seed.SeedAsync(cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateAsync(CancellationToken cancellationToken)
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
}
