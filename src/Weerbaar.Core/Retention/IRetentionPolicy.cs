namespace Weerbaar.Core.Retention;

/// <summary>
/// One kind of data with a retention period. Features register their own policy; the retention job runs them all.
/// </summary>
public interface IRetentionPolicy
{
    /// <summary>A short name for logs, e.g. "unanswered-questions".</summary>
    string Name { get; }

    /// <summary>Deletes (or anonymises) what has expired at <paramref name="now"/>; returns how many records changed.</summary>
    Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
