namespace Weerbaar.Core.Feedback;

/// <summary>Unanswered questions worded alike, with how often and when last they were asked.</summary>
/// <param name="Partial">How many of them got a partial answer: the topic was known, the asked detail was not.</param>
public sealed record QuestionGroup(string Example, IReadOnlyList<string> NormalizedTexts, int Count, DateTimeOffset LastAskedAt, int Partial = 0);

/// <summary>
/// Groups unanswered questions by similar wording: the same normalised text first, then groups that share most of
/// their meaningful words (two thirds of the smaller group's words), so "hoeveel water per persoon" and "hoeveel
/// water per persoon per dag" land together.
/// </summary>
public static class QuestionGroups
{
    private const double Overlap = 2.0 / 3;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "de", "het", "een", "en", "of", "in", "op", "van", "voor", "met", "is", "zijn", "wat", "hoe", "wie", "waar", "wanneer",
        "waarom", "ik", "we", "wij", "je", "u", "er", "dat", "die", "dit", "te", "aan", "om", "bij", "moet", "kan", "mijn",
    };

    public static IReadOnlyList<QuestionGroup> Build(IEnumerable<UnansweredQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var exact = questions.GroupBy(q => q.NormalizedText, StringComparer.Ordinal)
            .Select(g => new Cluster(Words(g.Key), [g.Key], g.OrderByDescending(q => q.AskedAt).First().Text, g.Count(), g.Max(q => q.AskedAt)) { Partial = g.Count(q => q.Partial) })
            .OrderByDescending(c => c.Count)
            .ToList();
        var clusters = new List<Cluster>();
        foreach (var group in exact)
        {
            var home = clusters.FirstOrDefault(c => Similar(c.Words, group.Words));
            if (home is null)
            {
                clusters.Add(group);
                continue;
            }

            home.Texts.AddRange(group.Texts);
            home.Words.UnionWith(group.Words);
            home.Count += group.Count;
            home.Partial += group.Partial;
            home.LastAskedAt = home.LastAskedAt > group.LastAskedAt ? home.LastAskedAt : group.LastAskedAt;
        }

        return [.. clusters.OrderByDescending(c => c.Count).ThenByDescending(c => c.LastAskedAt)
            .Select(c => new QuestionGroup(c.Example, c.Texts, c.Count, c.LastAskedAt, c.Partial))];
    }

    private static HashSet<string> Words(string normalized) =>
        [.. normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !StopWords.Contains(w))];

    private static bool Similar(HashSet<string> a, HashSet<string> b)
    {
        var smaller = Math.Min(a.Count, b.Count);
        return smaller > 0 && a.Intersect(b).Count() >= Math.Ceiling(smaller * Overlap);
    }

    private sealed class Cluster(HashSet<string> words, List<string> texts, string example, int count, DateTimeOffset lastAskedAt)
    {
        public HashSet<string> Words { get; } = words;

        public List<string> Texts { get; } = texts;

        public string Example { get; } = example;

        public int Count { get; set; } = count;

        public int Partial { get; set; }

        public DateTimeOffset LastAskedAt { get; set; } = lastAskedAt;
    }
}
