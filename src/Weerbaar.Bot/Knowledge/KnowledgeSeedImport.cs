using Microsoft.Extensions.Options;
using Weerbaar.Bot.Storage;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Bot.Knowledge;

/// <summary>
/// Imports the seed folder on start (unless <see cref="KnowledgeOptions.ImportSeedOnStart"/> is off), under the
/// start-up lock, before the search is built. Invalid content is left out and the reasons are logged.
/// </summary>
internal sealed class KnowledgeSeedImport(KnowledgeStore store, IOptions<KnowledgeOptions> options, ILogger<KnowledgeSeedImport> logger) : IDatabaseSeed
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ImportSeedOnStart)
        {
            return;
        }

        var unread = new List<KnowledgeProblem>();
        var files = KnowledgeFolder.Read(options.Value.ResolveSeedDirectory(), unread);
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
