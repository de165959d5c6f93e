namespace Weerbaar.Core.Knowledge;

/// <summary>
/// Reads a <c>sources</c> list (knowledge/README.md) for articles and the gesprekstool scenario alike, so an editor
/// writes sources the same way everywhere.
/// </summary>
internal static class SourceListReader
{
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal) { "title", "url", "publisher", "date" };

    public static List<SourceReference> Read(FieldReader fields)
    {
        var sources = new List<SourceReference>();
        foreach (var entry in fields.MapList("sources", 1))
        {
            var source = fields.For(entry);
            source.RejectUnknown(Fields);
            var title = source.Text("title", 3, 300);
            var url = source.Text("url", 4, 1000);
            if (url != KnowledgeRules.NoUrl && !KnowledgeRules.IsHttpUrl(url))
            {
                source.Problem(source.LineOf("url"), $"'url' must be an http(s) address or '{KnowledgeRules.NoUrl}'");
            }

            var publisher = source.Text("publisher", 2, 120);
            var date = source.Text("date", 4, 10);
            if (!KnowledgeRules.IsSourceDate(date))
            {
                source.Problem(source.LineOf("date"), $"'date' must be YYYY-MM-DD, YYYY-MM, YYYY or '{KnowledgeRules.UnknownDate}'");
            }

            sources.Add(new SourceReference(title, url == KnowledgeRules.NoUrl ? null : url, publisher, date));
        }

        return sources;
    }
}
