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
/// activity's key takes it; the others see the key and skip it. A turn that fails gives the key back, so the
/// redelivery can still succeed. Keys are kept for <see cref="Lifetime"/> (Teams retries within minutes).
/// </summary>
public sealed class ProcessedActivities(IDbContextFactory<WeerbaarDbContext> contextFactory, TimeProvider timeProvider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>True when this call took the activity on; false when it was taken on before (a redelivery).</summary>
    public async Task<bool> TryTakeAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.ProcessedActivities.Add(new ProcessedActivityRecord { Key = KeyOf(channelId, conversationId, activityId), ReceivedAt = timeProvider.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    public async Task ReleaseAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var key = KeyOf(channelId, conversationId, activityId);
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
