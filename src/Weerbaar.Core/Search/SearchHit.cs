using Weerbaar.Core.Knowledge;

namespace Weerbaar.Core.Search;

/// <summary>
/// An article the search found: its best-matching section, its BM25 score, and its coverage — the share of the
/// question's meaning (terms weighted by rarity) that the article contains, from 0 to 1. Coverage is what the
/// answerer compares with its confidence threshold: BM25 scores are not comparable across questions, coverage is.
/// </summary>
public sealed record SearchHit(Article Article, ArticleSection Section, float Score, double Coverage);
