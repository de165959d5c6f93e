namespace Weerbaar.Core.Search;

/// <summary>
/// Corrects typing errors in a question against the words the knowledge base uses ("noodpakkket" → "noodpakket",
/// "veiligheidregio" → "veiligheidsregio"). Only words the knowledge does not contain are corrected, only to a word
/// one edit away (two for long words) that starts the same way — typing errors rarely hit the start of a word, and a
/// different start means a different word ("straat" is not "staat") — so real words and compounds are left alone.
/// </summary>
public sealed class SpellingCorrector
{
    private const int MinLength = 5;
    private const int LongWord = 10;
    private const int MinSharedStart = 4;

    private readonly HashSet<string> _vocabulary;
    private readonly Dictionary<int, List<string>> _byLength;

    public SpellingCorrector(IEnumerable<string> vocabulary)
    {
        _vocabulary = new HashSet<string>(vocabulary, StringComparer.Ordinal);
        _byLength = _vocabulary.Where(w => w.Length >= MinLength - 1).GroupBy(w => w.Length).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>The words of <paramref name="text"/> (lower case, accents folded), each corrected when it is a likely typo.</summary>
    public IEnumerable<string> CorrectText(string text) => DutchTextAnalyzer.Words(text).Select(Correct);

    public string Correct(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        // An everyday Dutch word is no typing error: "recept" is not a misspelt "recent".
        if (word.Length < MinLength || _vocabulary.Contains(word) || word.Any(char.IsDigit) || DutchTextAnalyzer.StopWords.Contains(word)
            || DutchWords.IsCommon(word))
        {
            return word;
        }

        var maxDistance = word.Length >= LongWord ? 2 : 1;
        string? best = null;
        var bestDistance = maxDistance + 1;
        var ambiguous = false;
        for (var length = word.Length - maxDistance; length <= word.Length + maxDistance; length++)
        {
            if (!_byLength.TryGetValue(length, out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates.Where(candidate => SharesStart(word, candidate)))
            {
                var distance = Distance(word, candidate, bestDistance);
                if (distance < bestDistance)
                {
                    (best, bestDistance, ambiguous) = (candidate, distance, false);
                }
                else if (distance == bestDistance && distance <= maxDistance && candidate != best)
                {
                    ambiguous = true;
                }
            }
        }

        // Two equally close words: guessing would change the question's meaning, so keep what was typed.
        return best is not null && !ambiguous ? best : word;
    }

    private static bool SharesStart(string word, string candidate)
    {
        var shared = 0;
        while (shared < word.Length && shared < candidate.Length && word[shared] == candidate[shared])
        {
            shared++;
        }

        return shared >= Math.Max(MinSharedStart, (word.Length + 1) / 2);
    }

    // Optimal string alignment distance (Levenshtein plus adjacent transpositions), giving up beyond the limit.
    private static int Distance(string a, string b, int limit)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }

                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
