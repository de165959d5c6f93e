using System.Text.RegularExpressions;

namespace Weerbaar.Core.Knowledge;

/// <summary>
/// Reads one article file (YAML front matter and a Markdown body) and checks it against the knowledge format.
/// Returns the article only when there are no problems.
/// </summary>
public static partial class ArticleParser
{
    public const int MinBodyWords = 120;
    public const int MaxBodyWords = 500;

    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal)
    {
        "id", "title", "summary", "tags", "audience", "questions", "sources", "resources", "related", "laatst_gecontroleerd", "stand", "actueel", "actie", "status",
    };

    /// <param name="file">The file's name, for problems and the id check (e.g. <c>articles/noodpakket.md</c>).</param>
    /// <param name="today">The date "laatst gecontroleerd" may not be after.</param>
    public static Article? Parse(string file, string text, DateOnly today, List<KnowledgeProblem> problems) => Parse(file, text, today, problems, lenient: false);

    /// <summary>
    /// Reads what can be read of an article for editing, problems or not (a draft may still be unfinished); null only
    /// when there is no readable front matter.
    /// </summary>
    public static Article? ParseForEditing(string file, string text) => Parse(file, text, DateOnly.MaxValue, [], lenient: true);

    private static Article? Parse(string file, string text, DateOnly today, List<KnowledgeProblem> problems, bool lenient)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            problems.Add(new KnowledgeProblem(file, 1, "an article starts with front matter: a line '---'"));
            return null;
        }

        var close = Array.FindIndex(lines, 1, line => line.TrimEnd() == "---");
        if (close < 0)
        {
            problems.Add(new KnowledgeProblem(file, 1, "the front matter is not closed with a line '---'"));
            return null;
        }

        var yaml = YamlTree.Read(string.Join('\n', lines[1..close]), file, 2, problems);
        if (yaml is not YamlMap map)
        {
            if (problems.Count == before)
            {
                problems.Add(new KnowledgeProblem(file, 2, "the front matter must be a map of fields"));
            }

            return null;
        }

        var fields = new FieldReader(map, file, problems);
        fields.RejectUnknown(Fields);
        var id = fields.Text("id", 1, 80);
        if (!KnowledgeRules.Id().IsMatch(id))
        {
            fields.Problem(fields.LineOf("id"), "'id' may hold only lower-case letters, digits and single hyphens");
        }
        else if (Path.GetFileNameWithoutExtension(file) != id)
        {
            fields.Problem(fields.LineOf("id"), $"'id' must equal the file name ('{Path.GetFileNameWithoutExtension(file)}')");
        }

        var title = fields.Text("title", 5, 100);
        var summary = fields.Text("summary", 20, 300);
        var tags = fields.TextList("tags", 1, 10, 1, 60);
        var audience = fields.TextList("audience", 1, KnowledgeRules.Audiences.Count);
        KnowledgeRules.CheckAudience(fields, audience);
        var questions = fields.TextList("questions", 3, 30, 5, 200);
        foreach (var question in questions.Where(q => Normalize(q) == Normalize(title)))
        {
            fields.Problem(fields.LineOf("questions"), $"the question '{question}' repeats the title");
        }

        var sources = SourceListReader.Read(fields);
        var resources = fields.TextList("resources", 0, 20);
        var related = fields.TextList("related", 0, 20);
        var lastChecked = fields.Date("laatst_gecontroleerd");
        if (lastChecked > today)
        {
            fields.Problem(fields.LineOf("laatst_gecontroleerd"), "'laatst_gecontroleerd' lies in the future");
        }

        var factsAsOf = fields.Month("stand");
        if (factsAsOf != default && lastChecked != default && factsAsOf > lastChecked)
        {
            fields.Problem(fields.LineOf("stand"), "'stand' (the month the facts stand for) lies after 'laatst_gecontroleerd'");
        }

        var currentStateAt = fields.OptionalText("actueel");
        if (currentStateAt is { Length: < 10 or > 300 })
        {
            fields.Problem(fields.LineOf("actueel"), $"'actueel' must be 10–300 characters (is {currentStateAt.Length})");
        }

        var action = fields.OptionalText("actie") switch
        {
            null => ArticleAction.None,
            KnowledgeRules.StartSessionAction => ArticleAction.StartSession,
            _ => Invalid(fields, "actie", $"'actie' must be '{KnowledgeRules.StartSessionAction}' (or left out)", ArticleAction.None),
        };

        var status = fields.Text("status", 5, 9) switch
        {
            "published" => ArticleStatus.Published,
            "draft" => ArticleStatus.Draft,
            _ => Invalid(fields, "status", "'status' must be 'published' or 'draft'", ArticleStatus.Draft),
        };

        var sections = ReadBody(file, lines, close + 1, problems);
        return problems.Count == before || lenient
            ? new Article(id, title, summary, tags, audience, questions, sources, resources, related, lastChecked, factsAsOf, currentStateAt, action, status, sections)
            : null;
    }

    /// <summary>Lower case, no accents, no punctuation, single spaces: how two phrasings are compared.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        var letters = decomposed.Where(c => char.IsLetterOrDigit(c) || char.IsWhiteSpace(c)).ToArray();
        return string.Join(' ', new string(letters).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Words of Markdown text: tokens holding a letter or digit (list markers and heading marks are not words).</summary>
    public static int CountWords(string markdown) =>
        markdown.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(token => token.Any(char.IsLetterOrDigit));

    private static T Invalid<T>(FieldReader fields, string key, string message, T fallback)
    {
        fields.Problem(fields.LineOf(key), message);
        return fallback;
    }

    private static List<ArticleSection> ReadBody(string file, string[] lines, int start, List<KnowledgeProblem> problems)
    {
        var sections = new List<ArticleSection>();
        string? heading = null;
        var text = new List<string>();
        var words = 0;
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                heading = line[3..].Trim();
                if (heading.Length == 0)
                {
                    problems.Add(new KnowledgeProblem(file, i + 1, "a section heading is empty"));
                }

                continue;
            }

            if (DeepOrTopHeading().IsMatch(line))
            {
                problems.Add(new KnowledgeProblem(file, i + 1, "use '##' for sections (and at most '###' inside them)"));
            }

            text.Add(line);
        }

        Flush();
        if (sections.Count == 0 || sections[0].Heading is not null)
        {
            problems.Add(new KnowledgeProblem(file, start + 1, "the body starts with a lead paragraph before the first '##' section"));
        }

        if (words is < MinBodyWords or > MaxBodyWords)
        {
            problems.Add(new KnowledgeProblem(file, start + 1, $"the body must have {MinBodyWords}–{MaxBodyWords} words (has {words})"));
        }

        return sections;

        void Flush()
        {
            var body = string.Join('\n', text).Trim();
            if (body.Length > 0)
            {
                sections.Add(new ArticleSection(heading, body));
                words += CountWords(body);
            }
            else if (heading is not null)
            {
                problems.Add(new KnowledgeProblem(file, start + 1, $"the section '{heading}' is empty"));
            }

            text.Clear();
        }
    }

    [GeneratedRegex(@"^(#|#{4,6})\s")]
    private static partial Regex DeepOrTopHeading();
}
