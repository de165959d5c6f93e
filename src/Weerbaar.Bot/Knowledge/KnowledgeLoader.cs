using Microsoft.Extensions.Options;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Search;

namespace Weerbaar.Bot.Knowledge;

/// <summary>
/// Brings the search up to date with the database: on start it imports the seed folder and loads the published
/// knowledge; afterwards it checks the knowledge revision every few seconds and rebuilds the index when it moved, so a
/// publish through any instance reaches this one without a restart. Invalid content is never served: it is left out,
/// the last valid version keeps serving, and the reasons are logged.
/// </summary>
internal sealed class KnowledgeLoader(
    KnowledgeStore store,
    KnowledgeSearch search,
    KnowledgeRefresher refresher,
    IOptions<KnowledgeOptions> options,
    TimeProvider timeProvider,
    ILogger<KnowledgeLoader> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Load before the web server starts listening, so the first question already finds the knowledge.
        if (options.Value.ImportSeedOnStart)
        {
            await ImportSeedAsync(cancellationToken);
        }

        await refresher.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds), timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await store.GetRevisionAsync(stoppingToken) != search.Knowledge.Revision)
                {
                    await refresher.RefreshAsync(stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.KnowledgeRefreshFailed(logger, exception.GetType().Name);
            }
        }
    }

    private async Task ImportSeedAsync(CancellationToken cancellationToken)
    {
        var folder = options.Value.ResolveSeedDirectory();
        var unread = new List<KnowledgeProblem>();
        var files = KnowledgeFolder.Read(folder, unread);
        var report = await store.ImportSeedAsync(files, cancellationToken);
        foreach (var problem in unread.Concat(report.Problems))
        {
            Log.KnowledgeProblem(logger, problem.File, problem.Line, problem.Message);
        }

        foreach (var waiting in report.WaitingForAdmin)
        {
            Log.SeedWaitsForAdmin(logger, waiting);
        }

        Log.SeedImported(logger, files.Count, report.Created.Count, report.Updated.Count, report.WaitingForAdmin.Count, unread.Count + report.Problems.Count);
    }
}
