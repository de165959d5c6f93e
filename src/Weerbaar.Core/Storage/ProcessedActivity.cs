using Microsoft.EntityFrameworkCore;
using Weerbaar.Core.Retention;

namespace Weerbaar.Core.Storage;

/// <summary>An incoming activity that an instance took on, so a redelivery to any instance is not processed again.</summary>
public sealed class ProcessedActivityRecord
{
    /// <summary>Channel, conversation and activity id, hashed to a fixed length (conversation ids can be long).</summary>
    public required string Key { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>
/// Teams redelivers an activity when the reply is slow, possibly to another instance. The first instance to insert the
/// activity's key takes it; the others find the key and skip it. A turn that fails gives the key back, so the
/// redelivery can still succeed. Keys are kept for <see cref="Lifetime"/> (Teams retries within minutes).
/// </summary>
public sealed class ProcessedActivities(IDbContextFactory<WeerbaarDbContext> contextFactory, TimeProvider timeProvider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// The row that takes the activity on, to be written with the turn's first write (<see cref="TurnWrites"/>): when
    /// writing it fails because the key is there (<see cref="IsTakenAsync"/>), another delivery took the activity on.
    /// </summary>
    public ProcessedActivityRecord Claim(string channelId, string conversationId, string activityId) =>
        new() { Key = KeyOf(channelId, conversationId, activityId), ReceivedAt = timeProvider.GetUtcNow() };

    public async Task<bool> IsTakenAsync(ProcessedActivityRecord claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ProcessedActivities.AnyAsync(a => a.Key == claim.Key, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="write"/>, which writes <paramref name="claim"/> with other rows in one transaction; false
    /// when it failed because another delivery of the activity holds the key (then nothing of it was written).
    /// </summary>
    public async Task<bool> TryWriteClaimAsync(ProcessedActivityRecord claim, Func<CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            await write(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is DbUpdateException or StateConflictException)
        {
            if (await IsTakenAsync(claim, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    /// <summary>Writes the turn's pending rows on their own, in one transaction.</summary>
    public async Task WritePendingAsync(TurnWrites writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        using var participating = writes.Participating();
        var rows = writes.Pending;
        if (rows.Count == 0)
        {
            return;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        writes.Written(rows);
    }

    public async Task ReleaseAsync(ProcessedActivityRecord claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var key = claim.Key;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.ProcessedActivities.Where(a => a.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Deletes keys older than <see cref="Lifetime"/> at <paramref name="now"/>; returns how many.</summary>
    public async Task<int> ForgetOldAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = now - Lifetime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ProcessedActivities.Where(a => a.ReceivedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    private static string KeyOf(string channelId, string conversationId, string activityId) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{channelId}\n{conversationId}\n{activityId}")));
}

/// <summary>Forgets the keys of processed activities after a day: a redelivery comes within minutes.</summary>
public sealed class ProcessedActivityRetention(ProcessedActivities activities) : IRetentionPolicy
{
    public string Name => "processed-activities";

    public Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken) => activities.ForgetOldAsync(now, cancellationToken);
}
