using System.Data.Common;

namespace Weerbaar.Core.Storage;

/// <summary>
/// What one unit of work (a turn) asked of the database: round trips (commands sent) and write transactions (an
/// explicit transaction that wrote, or a write sent on its own). <see cref="DatabaseUsageInterceptor"/> counts into the
/// measurement opened with <see cref="Begin"/> for the current async flow; outside one nothing is counted.
/// </summary>
public sealed class DatabaseUsage : IDisposable
{
    private static readonly AsyncLocal<DatabaseUsage?> CurrentUsage = new();

    private readonly DatabaseUsage? _outer;
    private readonly HashSet<DbTransaction> _writingTransactions = [];
    private readonly Lock _lock = new();
    private int _roundTrips;
    private int _writeTransactions;

    private DatabaseUsage(DatabaseUsage? outer) => _outer = outer;

    public static DatabaseUsage? Current => CurrentUsage.Value;

    public int RoundTrips => Volatile.Read(ref _roundTrips);

    public int WriteTransactions => Volatile.Read(ref _writeTransactions);

    /// <summary>Starts counting for this async flow (and what it awaits) until disposed.</summary>
    public static DatabaseUsage Begin()
    {
        var usage = new DatabaseUsage(CurrentUsage.Value);
        CurrentUsage.Value = usage;
        return usage;
    }

    internal void CommandSent(DbTransaction? transaction, bool writes)
    {
        Interlocked.Increment(ref _roundTrips);
        if (!writes)
        {
            return;
        }

        if (transaction is null)
        {
            Interlocked.Increment(ref _writeTransactions);
            return;
        }

        lock (_lock)
        {
            _writingTransactions.Add(transaction);
        }
    }

    internal void TransactionEnded(DbTransaction transaction, bool committed)
    {
        bool wrote;
        lock (_lock)
        {
            wrote = _writingTransactions.Remove(transaction);
        }

        if (wrote && committed)
        {
            Interlocked.Increment(ref _writeTransactions);
        }
    }

    public void Dispose() => CurrentUsage.Value = _outer;
}
