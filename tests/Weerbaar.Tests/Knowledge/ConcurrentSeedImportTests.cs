using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Knowledge;

/// <summary>
/// Two seed imports that both found the database empty (two instances of a new deployment, without the start-up lock)
/// both finish, and every item is stored once: the one that inserts second takes "someone else inserted it" as done.
/// </summary>
[Slow(SlowKind.Postgres)]
public sealed class ConcurrentSeedImportTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabases.CreateAsync(StorageProvider.Postgres);
        await _database.MigrateAsync();
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TwoImportsThatBothReadAnEmptyDatabase_BothFinish_AndEveryItemIsStoredOnce()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // A third session holds back every insert into knowledge_items (reads still pass) until both imports have read
        // the empty table and wait to insert, so the two collide on every run, not only when the timing happens to fit.
        await using var gate = new NpgsqlConnection(_database.ConnectionString);
        await gate.OpenAsync(cancellationToken);
        await using (var hold = await gate.BeginTransactionAsync(cancellationToken))
        {
            await ExecuteAsync(gate, "LOCK TABLE knowledge_items IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
            var imports = new[] { NewStore(), NewStore() }.Select(store => store.ImportSeedAsync(RepositoryKnowledge.Files, cancellationToken)).ToList();
            await WaitUntilWaitingToInsertAsync(2, imports, cancellationToken);
            await hold.CommitAsync(cancellationToken);

            var reports = await Task.WhenAll(imports);

            Assert.Equal(RepositoryKnowledge.Files.Count, reports.Sum(r => r.Created.Count));
        }

        await using var db = new WeerbaarDbContextFactory(Options.Create(_database.Options)).CreateDbContext();
        var items = await db.KnowledgeItems.Include(i => i.Versions).ToListAsync(cancellationToken);
        Assert.Equal(RepositoryKnowledge.Files.Select(f => (f.Kind, f.Key)).Order(), items.Select(i => (i.Kind, i.Key)).Order());
        Assert.All(items, item => Assert.Equal(KnowledgeVersionStatus.Published, Assert.Single(item.Versions).Status));
        Assert.Equal(1, await NewStore().GetRevisionAsync(cancellationToken));
    }

    private KnowledgeStore NewStore() => new(new WeerbaarDbContextFactory(Options.Create(_database.Options)), TimeProvider.System);

    private async Task WaitUntilWaitingToInsertAsync(int sessions, IReadOnlyList<Task> imports, CancellationToken cancellationToken)
    {
        await using var probe = new NpgsqlConnection(_database.ConnectionString);
        await probe.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'knowledge_items'::regclass", probe);
        while (Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) < sessions)
        {
            // An import that failed before it reached the insert would never wait: show its error instead of hanging.
            if (imports.FirstOrDefault(i => i.IsCompleted) is { } done)
            {
                await done;
                Assert.Fail("An import finished while the inserts were held back.");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
