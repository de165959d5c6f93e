using Npgsql;
using Weerbaar.Bot.Storage;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.ScaleOut;

/// <summary>
/// An instance that cannot get the start-up lock (another one hangs while migrating or importing) does not wait
/// forever and never serves: it stops after <c>Storage:StartupLockWaitSeconds</c> and says why in its log.
/// </summary>
[Slow(SlowKind.Process, SlowKind.Postgres)]
public sealed class StartupLockTests
{
    [Fact]
    public async Task InstanceThatCannotGetTheStartupLock_StopsWithoutListening_AndLogsWhy()
    {
        if (!TestEnvironment.HasPostgres)
        {
            TestEnvironment.Unavailable($"The start-up lock is PostgreSQL's. {TestEnvironment.PostgresMissingReason}");
        }

        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabases.CreateAsync(StorageProvider.Postgres);
        // Stands in for an instance that took the lock and hangs.
        await using var holder = new NpgsqlConnection(database.ConnectionString);
        await holder.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({StartupLock.Key})", holder))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        var settings = new Dictionary<string, string?>(database.Settings) { ["Storage:StartupLockWaitSeconds"] = "1" };
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => BotProcess.StartAsync(settings));

        Assert.Contains("exited: True", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Start-up lock not free within 1 s", failure.Message, StringComparison.Ordinal);
    }
}
