using Weerbaar.Core.Knowledge;

namespace Weerbaar.Core.Search;

/// <summary>
/// The search index of the knowledge that is published now. A change in the published knowledge builds a new
/// index next to the old one and swaps it in, so questions keep being answered while it is rebuilt.
/// </summary>
public sealed class KnowledgeSearch : IDisposable
{
    private readonly Lock _swap = new();
    private Snapshot _current = new(PublishedKnowledge.Empty, KnowledgeIndex.Build(KnowledgeSet.Empty));
    private KnowledgeIndex? _previous;

    /// <summary>The published knowledge the current index was built from.</summary>
    public PublishedKnowledge Knowledge => _current.Knowledge;

    /// <summary>True once an index of real content was loaded (not the empty start-up index).</summary>
    public bool IsLoaded { get; private set; }

    public IReadOnlyList<SearchHit> Search(string question, int maxArticles) => _current.Index.Search(question, maxArticles);

    /// <summary>Builds an index of <paramref name="knowledge"/> and serves it from now on.</summary>
    public void Replace(PublishedKnowledge knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var index = KnowledgeIndex.Build(knowledge.Set);
        lock (_swap)
        {
            // A search that started on the index before the last one has long finished; dispose that one now.
            _previous?.Dispose();
            _previous = _current.Index;
            _current = new Snapshot(knowledge, index);
            IsLoaded = true;
        }
    }

    public void Dispose()
    {
        _previous?.Dispose();
        _current.Index.Dispose();
    }

    private sealed record Snapshot(PublishedKnowledge Knowledge, KnowledgeIndex Index);
}
