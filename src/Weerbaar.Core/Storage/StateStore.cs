using Microsoft.EntityFrameworkCore;

namespace Weerbaar.Core.Storage;

/// <summary>
/// Reads and writes conversational state items with optimistic concurrency on <see cref="StateRecord.Version"/>.
/// Conditional writes are a single <c>UPDATE … WHERE version = @expected</c>, so two instances over one database
/// cannot both win.
/// </summary>
public sealed class StateStore(IDbContextFactory<WeerbaarDbContext> contextFactory, TimeProvider timeProvider)
{
    // An unconditional write retries when a concurrent writer changed the item between its read and its write.
    private const int UnconditionalAttempts = 5;

    /// <summary>Reads the items that exist among <paramref name="keys"/>.</summary>
    public async Task<IReadOnlyDictionary<string, StoredState>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return new Dictionary<string, StoredState>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.StateRecords.AsNoTracking()
            .Where(r => keys.Contains(r.Key))
            .ToDictionaryAsync(r => r.Key, r => new StoredState(r.Document, r.Version), StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>Writes one item under <paramref name="condition"/> and returns its new version.</summary>
    /// <exception cref="StateConflictException">The condition does not hold; nothing was written.</exception>
    public async Task<long> WriteAsync(string key, string document, StateWrite condition, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(document);

        return condition.ExpectedVersion switch
        {
            null => await WriteUnconditionalAsync(key, document, cancellationToken),
            0 => await InsertAsync(key, document, cancellationToken)
                ?? throw new StateConflictException("The state item exists already."),
            long expected => await UpdateIfVersionAsync(key, document, expected, cancellationToken)
                ?? throw new StateConflictException(),
        };
    }

    /// <summary>Deletes an item; deleting what is not there is not an error.</summary>
    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.StateRecords.Where(r => r.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<long> WriteUnconditionalAsync(string key, string document, CancellationToken cancellationToken)
    {
        // Read the version, then write against it: the returned version is then ours for certain, which a plain
        // UPDATE followed by a read could not promise under concurrent writers.
        for (var attempt = 1; attempt <= UnconditionalAttempts; attempt++)
        {
            var current = await ReadVersionAsync(key, cancellationToken);
            var written = current is long version
                ? await UpdateIfVersionAsync(key, document, version, cancellationToken)
                : await InsertAsync(key, document, cancellationToken);
            if (written is long newVersion)
            {
                return newVersion;
            }
        }

        throw new StateConflictException("The state item kept changing while it was written.");
    }

    private async Task<long?> ReadVersionAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.StateRecords.Where(r => r.Key == key).Select(r => (long?)r.Version).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<long?> UpdateIfVersionAsync(string key, string document, long expected, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        if (TurnWrites.Current is { HasPending: true } writes)
        {
            // The turn's pending rows go in the same transaction: one commit for the whole turn.
            using var participating = writes.Participating();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await UpdateAsync(db, key, document, expected, now, cancellationToken) != 1)
            {
                return null;
            }

            var rows = writes.Pending;
            db.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            writes.Written(rows);
            return expected + 1;
        }

        return await UpdateAsync(db, key, document, expected, now, cancellationToken) == 1 ? expected + 1 : null;
    }

    private static Task<int> UpdateAsync(WeerbaarDbContext db, string key, string document, long expected, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.StateRecords.Where(r => r.Key == key && r.Version == expected).ExecuteUpdateAsync(
            set => set.SetProperty(r => r.Document, document)
                .SetProperty(r => r.Version, expected + 1)
                .SetProperty(r => r.UpdatedAt, now),
            cancellationToken);

    /// <summary>Inserts the first version; <c>null</c> when another writer created the key first.</summary>
    private async Task<long?> InsertAsync(string key, string document, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.StateRecords.Add(new StateRecord { Key = key, Document = document, Version = 1, UpdatedAt = timeProvider.GetUtcNow() });
        var writes = TurnWrites.Current is { HasPending: true } pending ? pending : null;
        using var participating = writes?.Participating();
        var rows = writes?.Pending ?? [];
        db.AddRange(rows);
        try
        {
            // With the turn's pending rows SaveChanges writes more than one row, and so in one transaction.
            await db.SaveChangesAsync(cancellationToken);
            writes?.Written(rows);
            return 1;
        }
        catch (DbUpdateException) when (rows.Count > 0)
        {
            // The state row or a pending row (a redelivery's claim) failed; whoever opened the turn's writes tells which.
            throw;
        }
        catch (DbUpdateException)
        {
            if (await ReadVersionAsync(key, cancellationToken) is null)
            {
                throw;
            }

            return null;
        }
    }
}
