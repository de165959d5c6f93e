using System.Net;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Knowledge;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.ScaleOut;

/// <summary>
/// A first deployment or a scale-out as an orchestrator does it: several instances started at the same moment on one
/// empty PostgreSQL database. Every one becomes ready, and the seed is imported once.
/// </summary>
[Slow(SlowKind.Process, SlowKind.Postgres)]
public sealed class SimultaneousStartTests
{
    private const int Instances = 3;

    [Fact]
    public async Task ThreeInstancesStartedTogetherOnAnEmptyDatabase_AllBecomeReady_AndTheSeedIsImportedOnce()
    {
        if (!TestEnvironment.HasPostgres)
        {
            TestEnvironment.Unavailable($"Several instances need PostgreSQL. {TestEnvironment.PostgresMissingReason}");
        }

        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabases.CreateAsync(StorageProvider.Postgres);
        // The instances take turns migrating and importing, on cores they share: the last may need a few starts' time.
        var starts = Enumerable.Range(0, Instances).Select(_ => BotProcess.StartAsync(database.Settings, startWithin: TimeSpan.FromMinutes(3))).ToList();
        try
        {
            foreach (var instance in await Task.WhenAll(starts))
            {
                using var ready = await instance.GetAsync("/healthz/ready");
                Assert.True(ready.StatusCode == HttpStatusCode.OK, $"Not ready ({ready.StatusCode}):\n{instance.Output}");
                Assert.False(instance.HasExited, instance.Output);
            }
        }
        finally
        {
            foreach (var start in starts.Where(s => s.IsCompletedSuccessfully))
            {
                await (await start).DisposeAsync();
            }
        }

        await using var db = (await database.MigrateAsync()).CreateDbContext();
        var items = await db.KnowledgeItems.Include(i => i.Versions).ToListAsync(cancellationToken);
        Assert.Equal(RepositoryKnowledge.Files.Select(f => (f.Kind, f.Key)).Order(), items.Select(i => (i.Kind, i.Key)).Order());
        Assert.All(items, item => Assert.Equal(KnowledgeVersionStatus.Published, Assert.Single(item.Versions).Status));
        Assert.Equal(RepositoryKnowledge.Files.Count, await db.KnowledgeAudit.CountAsync(e => e.Action == KnowledgeAction.Imported, cancellationToken));
    }
}
