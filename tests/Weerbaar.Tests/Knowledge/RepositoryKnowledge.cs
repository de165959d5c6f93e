using Weerbaar.Core.Knowledge;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Knowledge;

/// <summary>The knowledge files of this repository (knowledge/), loaded once per test run.</summary>
public static class RepositoryKnowledge
{
    private static readonly Lazy<KnowledgeLoad> Loaded = new(() => KnowledgeSet.Load(Files, DateOnly.FromDateTime(DateTime.UtcNow)));

    public static string Folder => RepoPaths.Of("knowledge");

    public static IReadOnlyList<KnowledgeFile> Files => KnowledgeFolder.Read(Folder, []);

    public static KnowledgeLoad Load => Loaded.Value;

    public static PublishedKnowledge Published => new(Load.Set, Load.Set.Articles.ToDictionary(a => a.Id, _ => 1), 1);
}
