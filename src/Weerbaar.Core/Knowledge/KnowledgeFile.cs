namespace Weerbaar.Core.Knowledge;

/// <summary>The kinds of knowledge content, each stored and versioned on its own.</summary>
public enum KnowledgeKind
{
    Article,
    ResourceCatalog,
    Synonyms,

    /// <summary>The gesprekstool scenario.</summary>
    Scenario,
}

/// <summary>One knowledge file's text, as read from the seed folder or stored as a version in the database.</summary>
/// <param name="Kind">What the file holds.</param>
/// <param name="Key">The article id, or the fixed key of the catalogue or synonyms.</param>
/// <param name="Path">The path relative to the knowledge folder, used in problems (e.g. <c>articles/noodpakket.md</c>).</param>
/// <param name="Text">The file's content.</param>
public sealed record KnowledgeFile(KnowledgeKind Kind, string Key, string Path, string Text)
{
    public const string ArticlesFolder = "articles";
    public const string ResourceCatalogPath = "resources.yaml";
    public const string SynonymsPath = "synonyms.txt";
    public const string ScenarioPath = Sessions.ScenarioParser.SeedPath;

    public static KnowledgeFile ForArticle(string id, string text) => new(KnowledgeKind.Article, id, $"{ArticlesFolder}/{id}.md", text);

    public static KnowledgeFile ForPath(string relativePath, string text)
    {
        var path = relativePath.Replace('\\', '/');
        return path switch
        {
            ResourceCatalogPath => new(KnowledgeKind.ResourceCatalog, "resources", path, text),
            SynonymsPath => new(KnowledgeKind.Synonyms, "synonyms", path, text),
            ScenarioPath => new(KnowledgeKind.Scenario, "scenario", path, text),
            _ => new(KnowledgeKind.Article, System.IO.Path.GetFileNameWithoutExtension(path), path, text),
        };
    }
}

/// <summary>Where each kind of knowledge file lives in the knowledge/ layout.</summary>
public static class KnowledgePaths
{
    public static string For(KnowledgeKind kind, string key) => kind switch
    {
        KnowledgeKind.ResourceCatalog => KnowledgeFile.ResourceCatalogPath,
        KnowledgeKind.Synonyms => KnowledgeFile.SynonymsPath,
        KnowledgeKind.Scenario => KnowledgeFile.ScenarioPath,
        _ => $"{KnowledgeFile.ArticlesFolder}/{key}.md",
    };
}
