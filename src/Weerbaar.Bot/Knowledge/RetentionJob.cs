using Microsoft.Extensions.Options;
using Weerbaar.Core.Retention;

namespace Weerbaar.Bot.Knowledge;

/// <summary>Runs every registered <see cref="IRetentionPolicy"/> at start and then every configured interval.</summary>
internal sealed class RetentionJob(
    IEnumerable<IRetentionPolicy> policies,
    IOptions<RetentionOptions> options,
    TimeProvider timeProvider,
    ILogger<RetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(options.Value.IntervalHours), timeProvider);
        do
        {
            await RunOnceAsync(stoppingToken);
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
