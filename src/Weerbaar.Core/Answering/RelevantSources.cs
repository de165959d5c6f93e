using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Search;

namespace Weerbaar.Core.Answering;

/// <summary>
/// The order in which an answer names its article's sources: first those whose title shares most words with what the
/// answer shows, then the rest in the article's own order. An article may rely on a dozen sources, of which the card
/// has room for a few; a source about another topic of the article should not push out the one behind the answer.
/// </summary>
public static class RelevantSources
{
    // Words are compared on their first letters, so "weerbaarheid" meets "weerbaar" and "gemeenten" meets "gemeente".
    private const int StemLength = 7;
    private const int MinWordLength = 4;

    public static IReadOnlyList<SourceReference> Order(Article article, string shown)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(shown);
        var answerWords = Stems(shown);
        return [.. article.Sources
            .Select((source, index) => (Source: source, Index: index, Shared: Stems(source.Title).Count(answerWords.Contains)))
            .OrderByDescending(x => x.Shared)
            .ThenBy(x => x.Index)
            .Select(x => x.Source)];
    }

    private static HashSet<string> Stems(string text) => [.. DutchTextAnalyzer.Words(text)
        .Where(word => word.Length >= MinWordLength && !DutchTextAnalyzer.StopWords.Contains(word) && !word.Any(char.IsDigit))
        .Select(word => word.Length > StemLength ? word[..StemLength] : word)];
}
