using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Weerbaar.Core.Knowledge;

/// <summary>
/// An article as an admin edits it in a form: the fields of the file, the body as one Markdown text. It turns back
/// into the file format the seed files use, so what an admin saves is checked exactly like a seed file.
/// </summary>
public sealed record ArticleDraft(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Audience,
    IReadOnlyList<string> Questions,
    IReadOnlyList<SourceReference> Sources,
    IReadOnlyList<string> ResourceIds,
    IReadOnlyList<string> RelatedIds,
    DateOnly LastChecked,
    DateOnly FactsAsOf,
    string? CurrentStateAt,
    ArticleAction Action,
    string Body)
{
    /// <summary>What a source without a public address has as its address.</summary>
    public const string NoUrl = KnowledgeRules.NoUrl;

    private static readonly JsonSerializerOptions YamlStrings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ArticleDraft From(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new ArticleDraft(article.Id, article.Title, article.Summary, article.Tags, article.Audience, article.Questions, article.Sources,
            article.ResourceIds, article.RelatedIds, article.LastChecked, article.FactsAsOf, article.CurrentStateAt, article.Action, BodyOf(article.Sections));
    }

    /// <summary>A new article's starting point, e.g. from a question users asked that nothing answered.</summary>
    public static ArticleDraft New(string id, string question, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(question);
        var title = question.Trim().TrimEnd('?').Trim();
        return new ArticleDraft(id, title.Length == 0 ? string.Empty : title + "?", string.Empty, [], ["iedereen"], string.IsNullOrWhiteSpace(question) ? [] : [question.Trim()], [], [], [], today, default, null, ArticleAction.None, string.Empty);
    }

    /// <summary>Reads an article file for editing, unfinished or not: null when it has no readable front matter.</summary>
    public static ArticleDraft? Read(string path, string text) => ArticleParser.ParseForEditing(path, text) is Article article ? From(article) : null;

    public static string BodyOf(IEnumerable<ArticleSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        return string.Join("\n\n", sections.Select(s => s.Heading is null ? s.Text : $"## {s.Heading}\n\n{s.Text}"));
    }

    /// <summary>The article file: YAML front matter with every text quoted, then the Markdown body.</summary>
    public string ToFileText()
    {
        var text = new StringBuilder();
        text.Append("---\n");
        Line("id", Id);
        Line("title", Title);
        Line("summary", Summary);
        List("tags", Tags);
        List("audience", Audience);
        text.Append("questions:\n");
        foreach (var question in Questions)
        {
            text.Append("  - ").Append(Quote(question)).Append('\n');
        }

        text.Append("sources:\n");
        foreach (var source in Sources)
        {
            text.Append("  - title: ").Append(Quote(source.Title)).Append('\n');
            text.Append("    url: ").Append(Quote(source.Url ?? KnowledgeRules.NoUrl)).Append('\n');
            text.Append("    publisher: ").Append(Quote(source.Publisher)).Append('\n');
            text.Append("    date: ").Append(Quote(source.Date)).Append('\n');
        }

        List("resources", ResourceIds);
        List("related", RelatedIds);
        text.Append("laatst_gecontroleerd: ").Append(LastChecked.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        if (FactsAsOf != default)
        {
            text.Append("stand: ").Append(FactsAsOf.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(CurrentStateAt))
        {
            Line("actueel", CurrentStateAt.Trim());
        }

        if (Action == ArticleAction.StartSession)
        {
            text.Append("actie: ").Append(KnowledgeRules.StartSessionAction).Append('\n');
        }

        text.Append("status: published\n");
        text.Append("---\n\n");
        text.Append(Body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()).Append('\n');
        return text.ToString();

        void Line(string key, string value) => text.Append(key).Append(": ").Append(Quote(value)).Append('\n');

        void List(string key, IReadOnlyList<string> values) =>
            text.Append(key).Append(": [").Append(string.Join(", ", values.Select(Quote))).Append("]\n");
    }

    // A JSON string is a valid YAML double-quoted scalar, so no character an admin types can change the structure.
    private static string Quote(string value) => JsonSerializer.Serialize(value, YamlStrings);
}
