using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Weerbaar.Core.Storage;

namespace Weerbaar.Bot.Storage;

/// <summary>Healthy when the database answers a query on Weerbaar's own schema, not merely a connection.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<WeerbaarDbContext> contextFactory, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await db.StateRecords.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.DatabaseUnreachable(logger, exception.GetType().Name);
            return HealthCheckResult.Unhealthy("database unreachable");
        }
    }
}
