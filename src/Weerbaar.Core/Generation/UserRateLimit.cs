using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Weerbaar.Core.Privacy;

namespace Weerbaar.Core.Generation;

/// <summary>
/// Generated answers per user per hour, to protect the cost budget. In memory and per instance: a user who reaches the
/// limit gets extractive answers, which cost nothing, so an approximate count is enough. The key is a hash of the
/// user's id, so the limiter holds no personal data.
/// </summary>
public sealed class UserRateLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public UserRateLimit(IOptions<GenerationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var perHour = options.Value.AnswersPerUserPerHour;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = perHour,
            Window = TimeSpan.FromHours(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));
    }

    /// <summary>Takes one generated answer from the user's allowance; false when it is used up.</summary>
    public bool TryTake(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        using var lease = _limiter.AttemptAcquire(IdHash.Of(userId));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
