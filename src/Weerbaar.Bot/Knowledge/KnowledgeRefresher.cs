using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Search;

namespace Weerbaar.Bot.Knowledge;

/// <summary>
/// Rebuilds the search index from the published knowledge and swaps it in; questions asked meanwhile are answered from
/// the previous index. Called by the background loader when the revision moved, and right after an admin publishes on
/// this instance, so the admin's next question already gets the new text.
/// </summary>
public sealed class KnowledgeRefresher(KnowledgeStore store, KnowledgeSearch search, ILogger<KnowledgeRefresher> logger) : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            await LoadAsync(cancellationToken);
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>
    /// Refreshes first when the published knowledge moved since the index was built (through any instance), so what a
    /// card button shows is what is published now, not what was published a few seconds ago.
    /// </summary>
    public async Task EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        if (await store.GetRevisionAsync(cancellationToken) == search.Knowledge.Revision)
        {
            return;
        }

        await _one.WaitAsync(cancellationToken);
        try
        {
            // Several presses after one change wait for one rebuild, not one each.
            if (await store.GetRevisionAsync(cancellationToken) != search.Knowledge.Revision)
            {
                await LoadAsync(cancellationToken);
            }
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var (knowledge, problems) = await store.LoadPublishedAsync(cancellationToken);
        foreach (var problem in problems)
        {
            Log.KnowledgeProblem(logger, problem.File, problem.Line, problem.Message);
        }

        search.Replace(knowledge);
        Log.KnowledgeLoaded(logger, knowledge.Set.Articles.Count, knowledge.Revision);
    }

    public void Dispose() => _one.Dispose();
}
