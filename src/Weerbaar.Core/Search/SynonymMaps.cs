using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;

namespace Weerbaar.Core.Search;

/// <summary>Builds Lucene's synonym map from the knowledge base's synonym groups (every term of a group maps to all others).</summary>
public static class SynonymMaps
{
    public static SynonymMap? FromGroups(IReadOnlyList<IReadOnlyList<string>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count == 0)
        {
            return null;
        }

        var builder = new SynonymMap.Builder(dedup: true);
        foreach (var group in groups)
        {
            var phrases = group.Select(term => DutchTextAnalyzer.Words(term).ToArray()).Where(words => words.Length > 0).ToList();
            foreach (var input in phrases)
            {
                foreach (var output in phrases.Where(output => !output.SequenceEqual(input)))
                {
                    builder.Add(SynonymMap.Builder.Join(input, new CharsRef()), SynonymMap.Builder.Join(output, new CharsRef()), includeOrig: true);
                }
            }
        }

        return builder.Build();
    }
}
