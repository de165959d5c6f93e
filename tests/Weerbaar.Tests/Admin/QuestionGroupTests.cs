using Weerbaar.Bot.Admin;
using Weerbaar.Core.Feedback;

namespace Weerbaar.Tests.Admin;

/// <summary>`beheer vragen` tells a partly known question (the topic known, the asked detail not) from an unknown one.</summary>
public sealed class QuestionGroupTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Groups_CountTheirPartlyKnownQuestions()
    {
        var groups = QuestionGroups.Build(
        [
            Question("hoeveel kost een noodverordening", partial: true),
            Question("hoeveel kost een noodverordening eigenlijk", partial: true),
            Question("hoeveel kost een noodverordening", partial: false),
            Question("wie wint de tour de france", partial: false),
        ]);

        var costs = groups.Single(g => g.Example.Contains("noodverordening", StringComparison.Ordinal));
        Assert.Equal(3, costs.Count);
        Assert.Equal(2, costs.Partial);
        Assert.Equal(0, groups.Single(g => g.Example.Contains("tour", StringComparison.Ordinal)).Partial);
    }

    /// <summary>
    /// The grouping looks only at clusters sharing a word (for speed); it must still make the very groups the plain
    /// comparison of every wording with every cluster makes. Seeded wordings from a small vocabulary, so many overlap.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Groups_AreTheSameAsComparingEveryWordingWithEveryGroup(int seed)
    {
        var random = new Random(seed);
        string[] vocabulary = ["water", "stroom", "uitval", "hoeveel", "per", "persoon", "dag", "noodpakket", "radio", "batterij", "de", "een", "wat", "kost", "gemeente", "evacuatie", "drinkwater", "kaars"];
        var questions = Enumerable.Range(0, 600).Select(i => new UnansweredQuestion
        {
            Text = $"vraag {i}",
            NormalizedText = string.Join(' ', Enumerable.Range(0, random.Next(0, 7)).Select(_ => vocabulary[random.Next(vocabulary.Length)])),
            AskedAt = Monday.AddMinutes(random.Next(10_000)),
            Partial = random.Next(3) == 0,
        }).ToList();

        var expected = ReferenceGrouping(questions);
        var actual = QuestionGroups.Build(questions);

        Assert.Equal(expected.Count, actual.Count);
        Assert.All(expected.Zip(actual), pair =>
        {
            Assert.Equal(pair.First.NormalizedTexts, pair.Second.NormalizedTexts);
            Assert.Equal((pair.First.Example, pair.First.Count, pair.First.Partial, pair.First.LastAskedAt), (pair.Second.Example, pair.Second.Count, pair.Second.Partial, pair.Second.LastAskedAt));
        });
    }

    [Theory]
    [InlineData(3, 0, "3× gevraagd, het laatst op maandag")]
    [InlineData(3, 3, "3× gevraagd, deels bekend, het laatst op maandag")]
    [InlineData(3, 2, "3× gevraagd (2× deels bekend), het laatst op maandag")]
    public void TheAdminSeesHowManyWerePartlyKnown(int count, int partial, string expected) =>
        Assert.Equal(expected, AdminTexts.QuestionGroupLine(count, partial, "maandag"));

    private static UnansweredQuestion Question(string text, bool partial) => new()
    {
        Text = text,
        NormalizedText = text,
        AskedAt = Monday,
        Partial = partial,
    };

    // The grouping as it was before the word index: every wording compared with every cluster made so far.
    private static List<QuestionGroup> ReferenceGrouping(IEnumerable<UnansweredQuestion> questions)
    {
        HashSet<string> stopWords = new(StringComparer.Ordinal)
        {
            "de", "het", "een", "en", "of", "in", "op", "van", "voor", "met", "is", "zijn", "wat", "hoe", "wie", "waar", "wanneer",
            "waarom", "ik", "we", "wij", "je", "u", "er", "dat", "die", "dit", "te", "aan", "om", "bij", "moet", "kan", "mijn",
        };
        HashSet<string> Words(string normalized) => [.. normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !stopWords.Contains(w))];
        static bool Similar(HashSet<string> a, HashSet<string> b)
        {
            var smaller = Math.Min(a.Count, b.Count);
            return smaller > 0 && a.Intersect(b).Count() >= Math.Ceiling(smaller * (2.0 / 3));
        }

        var exact = questions.GroupBy(q => q.NormalizedText, StringComparer.Ordinal)
            .Select(g => (Words: Words(g.Key), Texts: new List<string> { g.Key }, Example: g.OrderByDescending(q => q.AskedAt).First().Text, Count: g.Count(), Last: g.Max(q => q.AskedAt), Partial: g.Count(q => q.Partial)))
            .OrderByDescending(c => c.Count)
            .ToList();
        var clusters = new List<(HashSet<string> Words, List<string> Texts, string Example, int Count, DateTimeOffset Last, int Partial)>();
        foreach (var group in exact)
        {
            var home = clusters.FindIndex(c => Similar(c.Words, group.Words));
            if (home < 0)
            {
                clusters.Add(group);
                continue;
            }

            var c = clusters[home];
            c.Texts.AddRange(group.Texts);
            c.Words.UnionWith(group.Words);
            clusters[home] = c with { Count = c.Count + group.Count, Partial = c.Partial + group.Partial, Last = c.Last > group.Last ? c.Last : group.Last };
        }

        return [.. clusters.OrderByDescending(c => c.Count).ThenByDescending(c => c.Last).Select(c => new QuestionGroup(c.Example, c.Texts, c.Count, c.Last, c.Partial))];
    }
}
