using Weerbaar.Core.Knowledge;

namespace Weerbaar.Core.Search;

/// <summary>
/// An article the search found: its best-matching section, its BM25 score, and its coverage — the share of the
/// question's meaning (terms weighted by rarity) that the article contains, from 0 to 1. Coverage is what the
/// answerer compares with its confidence threshold: BM25 scores are not comparable across questions, coverage is.
/// </summary>
public sealed record SearchHit(Article Article, ArticleSection Section, float Score, double Coverage)
{
    /// <summary>Every sentence (and list item) of the article, in article order, with how much of the question it holds.</summary>
    public IReadOnlyList<SentenceMatch> Sentences { get; init; } = [];

    /// <summary>The question's words this article's text holds nowhere (title, headings and body), heaviest first.</summary>
    public IReadOnlyList<MissingWord> Missing { get; init; } = [];
}

/// <summary>
/// A word of the question that an article does not hold, its share of the question's weight, and whether other
/// articles use it (then the question asks about something the knowledge knows, just not here).
/// </summary>
public sealed record MissingWord(string Word, double Share, bool KnownElsewhere);

/// <summary>
/// One sentence or list item of an article and the share of the question's weight it holds: on its own
/// (<see cref="Focus"/>) and read with its heading, the sentence before it and the article's title
/// (<see cref="InContext"/>) — "Dat mag maximaal 12 uur." answers "hoe lang mag ophouding duren" under its heading.
/// </summary>
/// <see cref="Detail"/> weighs each question word by how rare it is among the article's sentences: the words that
/// tell one sentence from another ("aangeboden", "commandanten") count, the topic words every sentence shares do not.
/// <see cref="SectionCoverage"/> is the share of the question the sentence's whole section (with its heading) holds.
public sealed record SentenceMatch(int Section, int Index, string Text, double Focus, double InContext, double Detail, double SectionCoverage);
