namespace Weerbaar.Core.Knowledge;

/// <summary>What users are served: the published knowledge, the version number of each article, and the revision it is at.</summary>
public sealed record PublishedKnowledge(KnowledgeSet Set, IReadOnlyDictionary<string, int> ArticleVersions, long Revision)
{
    public static PublishedKnowledge Empty { get; } = new(KnowledgeSet.Empty, new Dictionary<string, int>(), 0);

    public int VersionOf(string articleId) => ArticleVersions.TryGetValue(articleId, out var version) ? version : 0;
}
