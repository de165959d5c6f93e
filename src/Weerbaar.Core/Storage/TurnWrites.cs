namespace Weerbaar.Core.Storage;

/// <summary>
/// Rows a turn writes that can wait and go together: the redelivery claim of a message, an unanswered question. They
/// are written in one transaction with the turn's state when that is saved, or on their own; and before anything
/// else the turn writes (<see cref="TurnWritesInterceptor"/> calls <see cref="WriteFirst"/>), so a redelivered message
/// is still turned away before it changes anything. Opened per message turn with <see cref="Begin"/>; outside one,
/// the stores write at once as before.
/// </summary>
public sealed class TurnWrites : IDisposable
{
    private static readonly AsyncLocal<TurnWrites?> CurrentWrites = new();

    private readonly TurnWrites? _outer;
    private readonly List<object> _pending = [];
    private readonly Lock _lock = new();
    private int _participating;

    private TurnWrites(TurnWrites? outer) => _outer = outer;

    public static TurnWrites? Current => CurrentWrites.Value;

    /// <summary>Writes what is pending on its own, before another write of the turn; set by whoever opened the scope.</summary>
    public Func<CancellationToken, Task>? WriteFirst { get; set; }

    public bool HasPending
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count > 0;
            }
        }
    }

    /// <summary>Whether a write that takes the pending rows along is under way (so it must not be written first).</summary>
    public bool IsParticipating => Volatile.Read(ref _participating) > 0;

    public static TurnWrites Begin()
    {
        var writes = new TurnWrites(CurrentWrites.Value);
        CurrentWrites.Value = writes;
        return writes;
    }

    public void Add(object entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        lock (_lock)
        {
            _pending.Add(entity);
        }
    }

    /// <summary>The pending rows, for a write that takes them along; call <see cref="Written"/> once it committed.</summary>
    public IReadOnlyList<object> Pending
    {
        get
        {
            lock (_lock)
            {
                return [.. _pending];
            }
        }
    }

    /// <summary>The rows handed out by <see cref="Pending"/> are committed.</summary>
    public void Written(IReadOnlyList<object> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        lock (_lock)
        {
            _pending.RemoveAll(rows.Contains);
        }
    }

    /// <summary>Marks a write that takes the pending rows along, until disposed.</summary>
    public IDisposable Participating()
    {
        Interlocked.Increment(ref _participating);
        return new Participation(this);
    }

    public void Dispose() => CurrentWrites.Value = _outer;

    private sealed class Participation(TurnWrites writes) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref writes._participating);
            }
        }
    }
}
