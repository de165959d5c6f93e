using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Weerbaar.Core.Storage;

/// <summary>
/// Writes a turn's pending rows (<see cref="TurnWrites"/>) before any other write of that turn: at the start of a
/// transaction, or before a write that runs on its own. Before the transaction, not inside it: in SQLite's WAL mode a
/// transaction that has read cannot write after another connection committed.
/// </summary>
public sealed class TurnWritesInterceptor : DbCommandInterceptor, IDbTransactionInterceptor
{
    public static TurnWritesInterceptor Instance { get; } = new();

    private TurnWritesInterceptor()
    {
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await WriteFirstAsync(command, cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await WriteFirstAsync(command, cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await WriteFirstAsync(command, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        WriteFirstAsync(command, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        WriteFirstAsync(command, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await WriteFirstAsync(cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        WriteFirstAsync(CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private static Task WriteFirstAsync(DbCommand command, CancellationToken cancellationToken) =>
        command.Transaction is null && DatabaseUsageInterceptor.IsWrite(command) ? WriteFirstAsync(cancellationToken) : Task.CompletedTask;

    private static Task WriteFirstAsync(CancellationToken cancellationToken) =>
        TurnWrites.Current is { IsParticipating: false, HasPending: true, WriteFirst: { } write } ? write(cancellationToken) : Task.CompletedTask;
}
