namespace Weerbaar.Core.Search;

/// <summary>A search term of the analysed question: its text, position, token type and place in the question.</summary>
internal sealed record AnalyzedToken(string Term, int Position, string Type, int Start, int End)
{
    // Lucene's synonym filter marks its tokens "SYNONYM"; compound parts copy the type of the word they come from.
    public bool IsSynonym => Type == "SYNONYM";
}

/// <summary>
/// One word of the question with everything that stands in for it: its synonyms and, for a compound, the known
/// words it contains. Coverage is counted per word, weighted by how rare (informative) it is.
/// </summary>
internal sealed class QueryPosition
{
    // A word the knowledge never uses is strong evidence that the question is about something else; an everyday
    // Dutch word the knowledge never uses even more: it is no typing error, the question is about that thing.
    private const double UnknownWordFactor = 2.0;
    private const double UnknownEverydayWordFactor = 3.0;

    private const double MinCompoundShare = 0.8;

    private readonly AnalyzedToken _original;
    private readonly IReadOnlyList<AnalyzedToken> _alternatives;
    private readonly IReadOnlyList<AnalyzedToken> _parts;

    private readonly IReadOnlyList<AnalyzedToken> _searchParts;

    private QueryPosition(AnalyzedToken original, IReadOnlyList<AnalyzedToken> alternatives, IReadOnlyList<AnalyzedToken> parts, IReadOnlyList<AnalyzedToken> searchParts, double weight)
    {
        _searchParts = searchParts;
        _original = original;
        _alternatives = alternatives;
        _parts = parts;
        Weight = weight;
    }

    public double Weight { get; }

    /// <summary>What the search looks for: the word, its synonyms and every part the compound filter found.</summary>
    public IEnumerable<string> Terms => _alternatives.Concat(_searchParts).Select(t => t.Term);

    /// <summary>Every term coverage may ask about, including the parts found by splitting the word.</summary>
    public IEnumerable<string> AllTerms => Terms.Concat(_parts.Select(t => t.Term));

    /// <summary>
    /// The weight this word contributes when an article contains <paramref name="contains"/> terms: all of it when the
    /// word or a synonym is there; for a compound, the share of its letters that known parts cover, if they cover
    /// nearly all of it.
    /// </summary>
    public double CoveredWeight(Func<string, bool> contains)
    {
        if (_alternatives.Any(t => contains(t.Term)))
        {
            return Weight;
        }

        var length = _original.End - _original.Start;
        if (length <= 0 || _parts.Count == 0)
        {
            return 0;
        }

        var covered = new bool[length];
        foreach (var part in _parts.Where(p => contains(p.Term)))
        {
            for (var i = Math.Max(part.Start, _original.Start); i < Math.Min(part.End, _original.End); i++)
            {
                covered[i - _original.Start] = true;
            }
        }

        // Known parts must make up nearly the whole compound (a linking "s" or "e" may be left over): "paspoort" is
        // not about a "poort", and "vakantiedagen" not about "dagen".
        var share = (double)covered.Count(c => c) / length;
        return share >= MinCompoundShare ? Weight * share : 0;
    }

    /// <summary>Groups the analysed question into words; <paramref name="idf"/> gives a term's weight and whether the knowledge uses it.</summary>
    /// <param name="split">The known words inside a word, with their place in it (Lucene gives compound parts the offsets of the whole word).</param>
    /// <param name="everyday">Whether the word as typed is an everyday Dutch word.</param>
    public static List<QueryPosition> From(
        IEnumerable<AnalyzedToken> tokens, Func<string, (double Idf, bool Known)> idf, Func<AnalyzedToken, IReadOnlyList<AnalyzedToken>> split, Func<AnalyzedToken, bool> everyday)
    {
        var positions = new List<QueryPosition>();
        foreach (var group in tokens.GroupBy(t => t.Position))
        {
            // The word as typed comes first at its position; the compound filter adds the parts it found after it.
            // Positions holding only the continuation of a multi-word synonym are not words of the question.
            var words = group.Where(t => !t.IsSynonym).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            var original = words[0];
            var alternatives = group.Where(t => t.IsSynonym).Prepend(original).ToList();
            var searchParts = words.Skip(1).ToList();
            var parts = searchParts.Count > 0 ? split(original) : [];
            // A word's weight is that of its rarest known form; a word the knowledge never uses weighs the most of all,
            // so a question about something else gets a low coverage.
            var known = alternatives.Select(t => idf(t.Term)).Where(w => w.Known).Select(w => w.Idf).ToList();
            var weight = known.Count > 0 ? known.Max()
                : idf(original.Term).Idf * (everyday(original) ? UnknownEverydayWordFactor : UnknownWordFactor);
            positions.Add(new QueryPosition(original, alternatives, parts, searchParts, weight));
        }

        return positions;
    }
}
