using System.Globalization;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Bot.Admin;

/// <summary>
/// The article form of the admin card: from an <see cref="ArticleDraft"/> to the card's values and back. A body too
/// long for one input is shown per <c>##</c> section; the parts are joined again on saving.
/// </summary>
public static class ArticleForm
{
    /// <summary>Bodies up to this many characters are edited in one input.</summary>
    public const int WholeBodyLimit = 5000;

    private const string SourceSeparator = " | ";

    public static JsonObject Values(ArticleDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var parts = BodyParts(draft.Body);
        return new JsonObject
        {
            ["articleId"] = draft.Id,
            ["title"] = draft.Title,
            ["summary"] = draft.Summary,
            ["bodyParts"] = new JsonArray([.. parts.Select((part, i) => (JsonNode)new JsonObject
            {
                ["id"] = parts.Count == 1 ? "body" : $"section_{i}",
                ["label"] = part.Label,
                ["text"] = part.Text,
            })]),
            ["parts"] = parts.Count.ToString(CultureInfo.InvariantCulture),
            ["questions"] = string.Join('\n', draft.Questions),
            ["tags"] = string.Join(", ", draft.Tags),
            ["sources"] = string.Join('\n', draft.Sources.Select(s => string.Join(SourceSeparator, s.Title, s.Url ?? ArticleDraft.NoUrl, s.Publisher, s.Date))),
            ["lastChecked"] = draft.LastChecked == default ? string.Empty : draft.LastChecked.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["factsAsOf"] = draft.FactsAsOf == default ? string.Empty : draft.FactsAsOf.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            ["currentStateAt"] = draft.CurrentStateAt ?? string.Empty,
        };
    }

    /// <summary>
    /// Reads the submitted form. Fields the form does not show (audience, resources, related, action) get a new
    /// article's defaults; saving keeps the stored ones. Problems are about the form itself; the knowledge checks come later.
    /// </summary>
    public static (ArticleDraft Draft, IReadOnlyList<string> Problems) Read(JObject data, string key)
    {
        ArgumentNullException.ThrowIfNull(data);
        var problems = new List<string>();
        var parts = int.TryParse(Text(data, "parts"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is > 1 and <= 200 ? count : 1;
        var body = parts == 1
            ? Text(data, "body")
            : string.Join("\n\n", Enumerable.Range(0, parts).Select(i => Text(data, $"section_{i}").Trim()).Where(t => t.Length > 0));
        var sources = new List<SourceReference>();
        var lines = Lines(Text(data, "sources"));
        for (var i = 0; i < lines.Count; i++)
        {
            var fields = lines[i].Split('|').Select(f => f.Trim()).ToArray();
            if (fields.Length != 4)
            {
                problems.Add(AdminTexts.SourceLine(i + 1));
                continue;
            }

            sources.Add(new SourceReference(fields[0], string.Equals(fields[1], ArticleDraft.NoUrl, StringComparison.OrdinalIgnoreCase) ? null : fields[1], fields[2], fields[3]));
        }

        if (!DateOnly.TryParseExact(Text(data, "lastChecked"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var lastChecked))
        {
            problems.Add(AdminTexts.DateMissing);
        }

        if (!DateOnly.TryParseExact(Text(data, "factsAsOf").Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var factsAsOf))
        {
            problems.Add(AdminTexts.FactsAsOfMissing);
        }

        var currentStateAt = Text(data, "currentStateAt").Trim();
        var draft = new ArticleDraft(
            key,
            Text(data, "title").Trim(),
            Text(data, "summary").Trim(),
            [.. Text(data, "tags").Split(',').Select(t => t.Trim()).Where(t => t.Length > 0)],
            ["iedereen"],
            Lines(Text(data, "questions")),
            sources,
            [],
            [],
            lastChecked,
            factsAsOf,
            currentStateAt.Length == 0 ? null : currentStateAt,
            ArticleAction.None,
            body);
        return (draft, problems);
    }

    private static List<(string Label, string Text)> BodyParts(string body)
    {
        if (body.Length <= WholeBodyLimit)
        {
            return [(AdminTexts.BodyWhole, body)];
        }

        var sections = ArticleParser.ParseForEditing("form.md", $"---\nid: form\n---\n{body}")?.Sections ?? [];
        return sections.Count <= 1
            ? [(AdminTexts.BodyWhole, body)]
            : [.. sections.Select(s => s.Heading is null
                ? (AdminTexts.BodyLead, s.Text)
                : (AdminTexts.BodySection(s.Heading), $"## {s.Heading}\n\n{s.Text}"))];
    }

    private static List<string> Lines(string text) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static string Text(JObject data, string name) => Conversation.CardData.Text(data, name) ?? string.Empty;
}
