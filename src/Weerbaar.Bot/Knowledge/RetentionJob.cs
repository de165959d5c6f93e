using Microsoft.Extensions.Options;
using Weerbaar.Core.Retention;
using Weerbaar.Core.Storage;

namespace Weerbaar.Bot.Knowledge;

/// <summary>
/// Runs every registered <see cref="IRetentionPolicy"/> at start and then every configured interval, on one instance
/// only when several share the database: the one that holds the job's lease.
/// </summary>
internal sealed class RetentionJob(
    IEnumerable<IRetentionPolicy> policies,
    JobLease lease,
    IOptions<RetentionOptions> options,
    TimeProvider timeProvider,
    ILogger<RetentionJob> logger) : BackgroundService
{
    public const string LeaseName = "retention";

    // The holder renews before its lease ends; another instance takes over only after a missed run.
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromHours(options.Value.IntervalHours);
        using var timer = new PeriodicTimer(interval, timeProvider);
        do
        {
            try
            {
                if (await lease.TryTakeAsync(LeaseName, interval + LeaseMargin, stoppingToken))
                {
                    await RunOnceAsync(stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.RetentionFailed(logger, LeaseName, exception.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var policy in policies)
        {
            try
            {
                var removed = await policy.PurgeAsync(timeProvider.GetUtcNow(), cancellationToken);
                Log.RetentionRan(logger, policy.Name, removed);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.RetentionFailed(logger, policy.Name, exception.GetType().Name);
            }
        }
    }
}
