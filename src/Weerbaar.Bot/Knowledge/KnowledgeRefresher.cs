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
            var (knowledge, problems) = await store.LoadPublishedAsync(cancellationToken);
            foreach (var problem in problems)
            {
                Log.KnowledgeProblem(logger, problem.File, problem.Line, problem.Message);
            }

            search.Replace(knowledge);
            Log.KnowledgeLoaded(logger, knowledge.Set.Articles.Count, knowledge.Revision);
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();
}
