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
    /// <summary>
    /// Longer bodies are edited per <c>##</c> section. In the chat card one input stays up to what it holds well; the
    /// dialog splits sooner, because a section in its own box is easier to find and read than one long scrolling text.
    /// </summary>
    public const int SectionedBodyInChat = 5000;

    public const int SectionedBodyInDialog = 1200;

    /// <summary>At most this many source rows travel in a form; more than any article needs.</summary>
    public const int MaxSourceRows = 30;

    /// <param name="emptySourceRows">Empty source rows after the article's own, to add a source in.</param>
    /// <param name="sectionedFrom">The body length from which it is shown per section.</param>
    public static JsonObject Values(ArticleDraft draft, int emptySourceRows, int sectionedFrom)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var parts = BodyParts(draft.Body, sectionedFrom);
        var rows = draft.Sources.Select(s => (s.Title, s.Url ?? ArticleDraft.NoUrl, s.Publisher, s.Date))
            .Concat(Enumerable.Repeat((string.Empty, string.Empty, string.Empty, string.Empty), emptySourceRows))
            .Take(MaxSourceRows)
            .ToList();
        return new JsonObject
        {
            [ArticleField.Id] = draft.Id,
            [ArticleField.Title] = draft.Title,
            [ArticleField.Summary] = draft.Summary,
            ["bodyParts"] = new JsonArray([.. parts.Select((part, i) => (JsonNode)new JsonObject
            {
                ["id"] = parts.Count == 1 ? ArticleField.Body : $"section_{i}",
                ["label"] = part.Label,
                ["text"] = part.Text,
            })]),
            ["parts"] = Number(parts.Count),
            [ArticleField.Questions] = string.Join('\n', draft.Questions),
            [ArticleField.Tags] = string.Join(", ", draft.Tags),
            [ArticleField.Sources] = new JsonArray([.. rows.Select((row, i) => (JsonNode)new JsonObject
            {
                ["index"] = Number(i),
                ["label"] = AdminTexts.SourceRow(i + 1),
                ["titleId"] = RowField(i, "title"),
                ["urlId"] = RowField(i, "url"),
                ["publisherId"] = RowField(i, "publisher"),
                ["dateId"] = RowField(i, "date"),
                ["title"] = row.Item1,
                ["url"] = row.Item2,
                ["publisher"] = row.Item3,
                ["date"] = row.Item4,
            })]),
            ["sourceRows"] = Number(rows.Count),
            ["canAddSource"] = rows.Count < MaxSourceRows,
            [ArticleField.LastChecked] = draft.LastChecked == default ? string.Empty : draft.LastChecked.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [ArticleField.FactsAsOf] = draft.FactsAsOf == default ? string.Empty : draft.FactsAsOf.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            [ArticleField.CurrentStateAt] = draft.CurrentStateAt ?? string.Empty,
        };
    }

    /// <summary>
    /// Reads the submitted form. Fields the form does not show (audience, resources, related, action) get a new
    /// article's defaults; saving keeps the stored ones. A source row left empty is no source; the row
    /// <paramref name="removedSourceRow"/> is left out. Problems are about the form itself; the knowledge checks come later.
    /// </summary>
    public static (ArticleDraft Draft, IReadOnlyList<FieldProblem> Problems) Read(JObject data, string key, int? removedSourceRow = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var problems = new List<FieldProblem>();
        var parts = int.TryParse(Text(data, "parts"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is > 1 and <= 200 ? count : 1;
        var body = parts == 1
            ? Text(data, ArticleField.Body)
            : string.Join("\n\n", Enumerable.Range(0, parts).Select(i => Text(data, $"section_{i}").Trim()).Where(t => t.Length > 0));

        // A card drawn before sources had rows still sends them as one text; reading it as no sources would drop them.
        if (data[ArticleField.Sources] is not null && data["sourceRows"] is null)
        {
            problems.Add(new FieldProblem(ArticleField.Sources, AdminTexts.SourcesOnOldCard));
        }

        var rows = int.TryParse(Text(data, "sourceRows"), NumberStyles.None, CultureInfo.InvariantCulture, out var rowCount) ? Math.Min(rowCount, MaxSourceRows) : 0;
        var sources = new List<SourceReference>();
        for (var i = 0; i < rows; i++)
        {
            var (title, url, publisher, date) = (Text(data, RowField(i, "title")).Trim(), Text(data, RowField(i, "url")).Trim(), Text(data, RowField(i, "publisher")).Trim(), Text(data, RowField(i, "date")).Trim());
            if (i != removedSourceRow && (title, url, publisher, date) is not ("", "", "", ""))
            {
                sources.Add(new SourceReference(title, url.Length == 0 || string.Equals(url, ArticleDraft.NoUrl, StringComparison.OrdinalIgnoreCase) ? null : url, publisher, date));
            }
        }

        if (!DateOnly.TryParseExact(Text(data, ArticleField.LastChecked), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var lastChecked))
        {
            problems.Add(new FieldProblem(ArticleField.LastChecked, AdminTexts.DateMissing));
        }

        if (!DateOnly.TryParseExact(Text(data, ArticleField.FactsAsOf).Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var factsAsOf))
        {
            problems.Add(new FieldProblem(ArticleField.FactsAsOf, AdminTexts.FactsAsOfMissing));
        }

        var currentStateAt = Text(data, ArticleField.CurrentStateAt).Trim();
        var draft = new ArticleDraft(
            key,
            Text(data, ArticleField.Title).Trim(),
            Text(data, ArticleField.Summary).Trim(),
            [.. Text(data, ArticleField.Tags).Split(',').Select(t => t.Trim()).Where(t => t.Length > 0)],
            ["iedereen"],
            Lines(Text(data, ArticleField.Questions)),
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

    private static string RowField(int row, string field) => $"source_{row}_{field}";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static List<(string Label, string Text)> BodyParts(string body, int sectionedFrom)
    {
        if (body.Length <= sectionedFrom)
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
