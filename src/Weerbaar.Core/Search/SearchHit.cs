using Weerbaar.Core.Knowledge;

namespace Weerbaar.Core.Search;

/// <summary>
/// An article the search found: its best-matching section, its BM25 score, and its coverage — the share of the
/// question's meaning (terms weighted by rarity) that the article contains, from 0 to 1. Coverage is what the
/// answerer compares with its confidence threshold: BM25 scores are not comparable across questions, coverage is.
/// </summary>
public sealed record SearchHit(Article Article, ArticleSection Section, float Score, double Coverage)
{
    private readonly Lazy<IReadOnlyList<SentenceMatch>> _sentences = new(() => []);

    /// <summary>Every sentence (and list item) of the article, in article order, with how much of the question it holds.</summary>
    public IReadOnlyList<SentenceMatch> Sentences => _sentences.Value;

    // Only the answering article's sentences are ever read: they are scored on first use, not for every hit.
    internal Func<IReadOnlyList<SentenceMatch>> ScoreSentences { init => _sentences = new(value); }
}

/// <summary>One sentence or list item of an article and how much of the question it holds.</summary>
/// <param name="Detail">
/// The question's words the sentence holds, each weighed by how rare it is among the article's sentences: the words
/// that tell one sentence from another ("aangeboden", "commandanten") count, the topic words every sentence shares do not.
/// </param>
/// <param name="SectionCoverage">The share of the question the sentence's whole section (with its heading) holds.</param>
public sealed record SentenceMatch(int Section, int Index, string Text, double Detail, double SectionCoverage);
