namespace Weerbaar.Core.Knowledge;

/// <summary>Reads the knowledge files of a folder in the <c>knowledge/</c> layout.</summary>
public static class KnowledgeFolder
{
    public static IReadOnlyList<KnowledgeFile> Read(string folder, List<KnowledgeProblem> problems) => Read(folder);

    public static IReadOnlyList<KnowledgeFile> Read(string folder)
    {
        var files = new List<KnowledgeFile>();
        if (!Directory.Exists(folder))
        {
            return files;
        }

        var articles = Path.Combine(folder, KnowledgeFile.ArticlesFolder);
        if (Directory.Exists(articles))
        {
            foreach (var path in Directory.GetFiles(articles, "*.md").Order(StringComparer.Ordinal))
            {
                files.Add(KnowledgeFile.ForPath($"{KnowledgeFile.ArticlesFolder}/{Path.GetFileName(path)}", File.ReadAllText(path)));
            }
        }

        foreach (var name in new[] { KnowledgeFile.ResourceCatalogPath, KnowledgeFile.SynonymsPath, KnowledgeFile.ScenarioPath })
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                files.Add(KnowledgeFile.ForPath(name, File.ReadAllText(path)));
            }
        }

        return files;
    }
}
