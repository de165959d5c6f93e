using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Weerbaar.Core.Storage;

/// <summary>
/// Counts every command EF Core sends, and every transaction that wrote, into the current <see cref="DatabaseUsage"/>.
/// Stateless, so one instance serves every context.
/// </summary>
public sealed partial class DatabaseUsageInterceptor : DbCommandInterceptor, IDbTransactionInterceptor
{
    public static DatabaseUsageInterceptor Instance { get; } = new();

    private DatabaseUsageInterceptor()
    {
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => DatabaseUsage.Current?.TransactionEnded(transaction, committed: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        DatabaseUsage.Current?.TransactionEnded(transaction, committed: true);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => DatabaseUsage.Current?.TransactionEnded(transaction, committed: false);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        DatabaseUsage.Current?.TransactionEnded(transaction, committed: false);
        return Task.CompletedTask;
    }

    /// <summary>Whether the command writes: EF Core's and our own writes; a batch may hold several statements, any of which may write.</summary>
    public static bool IsWrite(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Write().IsMatch(command.CommandText);
    }

    private static void Count(DbCommand command) => DatabaseUsage.Current?.CommandSent(command.Transaction, IsWrite(command));

    [GeneratedRegex(@"(^|;)\s*(INSERT|UPDATE|DELETE)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Write();
}
