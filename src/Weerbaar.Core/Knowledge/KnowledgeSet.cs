namespace Weerbaar.Core.Knowledge;

/// <summary>
/// A consistent body of knowledge: articles, the resources catalogue and the synonyms, with every cross-reference
/// (related articles, resources) resolved. It is what the search index is built from.
/// </summary>
public sealed class KnowledgeSet
{
    private KnowledgeSet(IReadOnlyList<Article> articles, IReadOnlyList<Resource> resources, IReadOnlyList<IReadOnlyList<string>> synonyms, Sessions.Scenario? scenario)
    {
        Scenario = scenario;
        Articles = articles;
        Resources = resources;
        Synonyms = synonyms;
        ArticlesById = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        ResourcesById = resources.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public static KnowledgeSet Empty { get; } = new([], [], [], null);

    public IReadOnlyList<Article> Articles { get; }

    public IReadOnlyList<Resource> Resources { get; }

    public IReadOnlyList<IReadOnlyList<string>> Synonyms { get; }

    /// <summary>The gesprekstool scenario, when it is published and valid.</summary>
    public Sessions.Scenario? Scenario { get; }

    public IReadOnlyDictionary<string, Article> ArticlesById { get; }

    public IReadOnlyDictionary<string, Resource> ResourcesById { get; }

    /// <summary>
    /// Parses and checks <paramref name="files"/>. Files with problems of their own are left out of the set and named
    /// in <see cref="KnowledgeLoad.Rejected"/>; references to things that do not exist are reported only.
    /// </summary>
    public static KnowledgeLoad Load(IEnumerable<KnowledgeFile> files, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<KnowledgeProblem>();
        var rejected = new HashSet<KnowledgeFile>();
        var articles = new List<(Article Article, KnowledgeFile File)>();
        IReadOnlyList<Resource> resources = [];
        IReadOnlyList<IReadOnlyList<string>> synonyms = [];

        foreach (var file in files)
        {
            var before = problems.Count;
            switch (file.Kind)
            {
                case KnowledgeKind.Article:
                    if (ArticleParser.Parse(file.Path, file.Text, today, problems) is Article article)
                    {
                        articles.Add((article, file));
                    }

                    break;
                case KnowledgeKind.ResourceCatalog:
                    resources = ResourceCatalogParser.Parse(file.Path, file.Text, problems);
                    break;
                case KnowledgeKind.Synonyms:
                    synonyms = SynonymsParser.Parse(file.Path, file.Text, problems);
                    break;
            }

            if (problems.Count > before)
            {
                rejected.Add(file);
            }
        }

        // A reference to something that does not exist is reported, but does not block the article: following a
        // dangling link is skipped at run time, and one broken file must not take every article linking to it down.
        // References to files that were rejected are already reported with those files.
        var fileKeys = files.Select(f => (f.Kind, f.Key)).ToHashSet();
        var resourceIds = resources.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var catalogueRejected = rejected.Any(f => f.Kind == KnowledgeKind.ResourceCatalog);
        foreach (var (article, file) in articles)
        {
            var missing = article.RelatedIds.Where(id => id == article.Id || !fileKeys.Contains((KnowledgeKind.Article, id)))
                .Select(id => $"related article '{id}' does not exist (or is the article itself)")
                .Concat(catalogueRejected ? [] : article.ResourceIds.Where(id => !resourceIds.Contains(id)).Select(id => $"resource '{id}' is not in {KnowledgeFile.ResourceCatalogPath}"));
            problems.AddRange(missing.Select(message => new KnowledgeProblem(file.Path, LineOf(file.Text, "related:", "resources:"), message)));
        }

        // The scenario refers to articles and resources, so it is read after them.
        Sessions.Scenario? scenario = null;
        foreach (var file in files.Where(f => f.Kind == KnowledgeKind.Scenario))
        {
            var before = problems.Count;
            var articleKeys = fileKeys.Where(k => k.Kind == KnowledgeKind.Article).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
            scenario = Sessions.ScenarioParser.Parse(file.Path, file.Text, today, resourceIds, articleKeys, problems);
            if (problems.Count > before)
            {
                rejected.Add(file);
            }
        }

        return new KnowledgeLoad(new KnowledgeSet([.. articles.Select(a => a.Article)], resources, synonyms, scenario), problems, rejected);
    }

    // References are checked after parsing, when the node lines are gone; the field's line is close enough.
    private static int LineOf(string text, params string[] fields)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, line => fields.Any(field => line.StartsWith(field, StringComparison.Ordinal)));
        return index + 1;
    }
}

/// <summary>The outcome of loading knowledge files: the usable set, every problem, and the files left out.</summary>
public sealed record KnowledgeLoad(KnowledgeSet Set, IReadOnlyList<KnowledgeProblem> Problems, IReadOnlySet<KnowledgeFile> Rejected)
{
    public bool IsValid => Problems.Count == 0;
}
