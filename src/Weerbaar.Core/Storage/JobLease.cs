using Microsoft.EntityFrameworkCore;

namespace Weerbaar.Core.Storage;

/// <summary>Who runs a background job now, and until when. One row per job, shared by every instance.</summary>
public sealed class JobLeaseRecord
{
    public required string Job { get; set; }

    public required string Holder { get; set; }

    public DateTimeOffset Until { get; set; }
}

/// <summary>
/// Makes a background job (reminders, retention) run on one instance at a time when several share the database. The
/// holder renews its lease on every run; when it stops, another instance takes the job over once the lease expired.
/// Taking and renewing are single conditional statements, so two instances can never both hold a lease.
/// </summary>
public sealed class JobLease(IDbContextFactory<WeerbaarDbContext> contextFactory, TimeProvider timeProvider)
{
    /// <summary>This process, as a lease holder.</summary>
    public string Holder { get; } = $"{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>True when this instance holds (now or newly) the lease of <paramref name="job"/> for <paramref name="duration"/> from now.</summary>
    public async Task<bool> TryTakeAsync(string job, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(job);
        var now = timeProvider.GetUtcNow();
        var until = now + duration;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var taken = await db.JobLeases
            .Where(l => l.Job == job && (l.Holder == Holder || l.Until < now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, Holder).SetProperty(l => l.Until, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.JobLeases.AnyAsync(l => l.Job == job, cancellationToken))
        {
            return false;
        }

        db.JobLeases.Add(new JobLeaseRecord { Job = job, Holder = Holder, Until = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance created the row first: it holds the lease.
            return false;
        }
    }
}
