namespace Weerbaar.Core.Search;

/// <summary>A search term of the analysed question: its text, position, token type and place in the question.</summary>
internal sealed record AnalyzedToken(string Term, int Position, string Type, int Start, int End)
{
    // Types set by Lucene: synonyms are "SYNONYM", compound parts get the default "word", the tokenizer's own are "<…>".
    public bool IsSynonym => Type == "SYNONYM";

    public bool IsCompoundPart => Type == "word";

    public bool IsOriginal => !IsSynonym && !IsCompoundPart;
}

/// <summary>
/// One word of the question with everything that stands in for it: its synonyms and, for a compound, the known
/// words it contains. Coverage is counted per word, weighted by how rare (informative) it is.
/// </summary>
internal sealed class QueryPosition
{
    // A word the knowledge never uses is strong evidence that the question is about something else.
    private const double UnknownWordFactor = 2.0;

    private readonly AnalyzedToken _original;
    private readonly IReadOnlyList<AnalyzedToken> _alternatives;
    private readonly IReadOnlyList<AnalyzedToken> _parts;

    private QueryPosition(AnalyzedToken original, IReadOnlyList<AnalyzedToken> alternatives, IReadOnlyList<AnalyzedToken> parts, double weight)
    {
        _original = original;
        _alternatives = alternatives;
        _parts = parts;
        Weight = weight;
    }

    public double Weight { get; }

    public IEnumerable<string> Terms => _alternatives.Concat(_parts).Select(t => t.Term);

    /// <summary>
    /// The weight this word contributes when an article contains <paramref name="contains"/> terms: all of it when the
    /// word or a synonym is there; for a compound, the share of its letters that known parts cover
    /// ("vakantiedagen" is not covered by "dagen" alone).
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

        return Weight * covered.Count(c => c) / length;
    }

    /// <summary>Groups the analysed question into words; <paramref name="idf"/> gives a term's weight and whether the knowledge uses it.</summary>
    public static List<QueryPosition> From(IEnumerable<AnalyzedToken> tokens, Func<string, (double Idf, bool Known)> idf)
    {
        var positions = new List<QueryPosition>();
        foreach (var group in tokens.GroupBy(t => t.Position))
        {
            // Positions holding only the continuation of a multi-word synonym are not words of the question.
            var original = group.FirstOrDefault(t => t.IsOriginal);
            if (original is null)
            {
                continue;
            }

            var alternatives = group.Where(t => !t.IsCompoundPart).ToList();
            var parts = group.Where(t => t.IsCompoundPart).ToList();
            // A word's weight is that of its rarest known form; a word the knowledge never uses weighs the most of all,
            // so a question about something else gets a low coverage.
            var known = alternatives.Select(t => idf(t.Term)).Where(w => w.Known).Select(w => w.Idf).ToList();
            var weight = known.Count > 0 ? known.Max() : idf(original.Term).Idf * UnknownWordFactor;
            positions.Add(new QueryPosition(original, alternatives, parts, weight));
        }

        return positions;
    }
}

/// <summary>Builds <see cref="QueryPosition"/>s.</summary>
internal static class QueryPositions
{
    public static List<QueryPosition> From(IEnumerable<AnalyzedToken> tokens, Func<string, (double Idf, bool Known)> idf) => QueryPosition.From(tokens, idf);
}
