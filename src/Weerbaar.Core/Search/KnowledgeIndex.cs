using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Core.Search;

/// <summary>
/// An in-memory Lucene index of one <see cref="KnowledgeSet"/>: one document per published article with its title,
/// alternative questions, tags, summary, headings and body as separate fields, ranked with BM25 and then by coverage.
/// The best section of the chosen article is the passage quoted. Immutable once built; a change in the published
/// knowledge builds a new index.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    private const string ArticleField = "article";
    private const string AllField = "all";
    private const int ArticlesToRank = 10;
    private const int MinCompoundPart = 5;

    // Where a question word matches matters: an alternative question or the title says more than a word in the body.
    private static readonly (string Field, float Boost)[] SearchFields =
    [
        ("questions", 3.0f),
        ("title", 3.0f),
        ("tags", 2.0f),
        ("summary", 2.0f),
        ("heading", 1.5f),
        ("body", 1.0f),
    ];

    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly DutchTextAnalyzer _analyzer;
    private readonly SpellingCorrector _spelling;
    private readonly CharArraySet _compoundParts;
    private readonly Dictionary<string, List<IndexedSentence>> _sentences;
    private readonly Dictionary<string, HashSet<string>[]> _sectionTerms;

    private KnowledgeIndex(
        KnowledgeSet knowledge,
        RAMDirectory directory,
        DutchTextAnalyzer analyzer,
        SpellingCorrector spelling,
        CharArraySet compoundParts)
    {
        _compoundParts = compoundParts;
        Knowledge = knowledge;
        // Each sentence and section is analysed once here, so finding the passage that answers costs set lookups per
        // question (analysing the sections per question took about 40% of a question turn's time).
        var published = knowledge.Articles.Where(a => a.Status == ArticleStatus.Published).ToList();
        _sentences = published.ToDictionary(a => a.Id, a => IndexSentences(analyzer, a), StringComparer.Ordinal);
        _sectionTerms = published.ToDictionary(a => a.Id, a => a.Sections.Select(section => Terms(analyzer, (section.Heading ?? string.Empty) + "\n" + section.Text)).ToArray(), StringComparer.Ordinal);
        _directory = directory;
        _analyzer = analyzer;
        _spelling = spelling;
        _reader = DirectoryReader.Open(directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>The knowledge this index was built from.</summary>
    public KnowledgeSet Knowledge { get; }

    /// <summary>Builds the index of the published articles in <paramref name="knowledge"/>.</summary>
    public static KnowledgeIndex Build(KnowledgeSet knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var published = knowledge.Articles.Where(a => a.Status == ArticleStatus.Published).ToList();
        var vocabulary = Vocabulary(published, knowledge.Synonyms);
        var compoundParts = CompoundParts(vocabulary);
        var analyzer = new DutchTextAnalyzer(SynonymMaps.FromGroups(knowledge.Synonyms), compoundParts);
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(DutchTextAnalyzer.Version, analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var article in published)
            {
                var fields = new Dictionary<string, string>
                {
                    ["title"] = article.Title,
                    ["questions"] = string.Join('\n', article.Questions),
                    ["tags"] = string.Join('\n', article.Tags),
                    ["summary"] = article.Summary,
                    ["heading"] = string.Join('\n', article.Sections.Select(section => section.Heading ?? string.Empty)),
                    ["body"] = string.Join('\n', article.Sections.Select(section => section.Text)),
                };
                var document = new Document
                {
                    new StringField(ArticleField, article.Id, Field.Store.YES),
                    new TextField(AllField, string.Join('\n', fields.Values), Field.Store.NO),
                };
                foreach (var (name, value) in fields)
                {
                    document.Add(new TextField(name, value, Field.Store.NO));
                }

                writer.AddDocument(document);
            }

            writer.Commit();
        }

        return new KnowledgeIndex(knowledge, directory, analyzer, new SpellingCorrector(vocabulary), compoundParts);
    }

    /// <summary>The articles that best match <paramref name="question"/>, best first, at most <paramref name="maxArticles"/>.</summary>
    public IReadOnlyList<SearchHit> Search(string question, int maxArticles)
    {
        ArgumentNullException.ThrowIfNull(question);
        var corrected = string.Join(' ', _spelling.CorrectText(question));
        var positions = QueryPosition.From(Analyze(_analyzer, corrected), Idf, word => CompoundParts(corrected, word), word => DutchWords.IsCommon(corrected[word.Start..word.End]));
        if (positions.Count == 0 || _reader.NumDocs == 0)
        {
            return [];
        }

        var query = new BooleanQuery();
        foreach (var term in positions.SelectMany(p => p.Terms).Distinct(StringComparer.Ordinal))
        {
            var perField = new DisjunctionMaxQuery(0.3f);
            foreach (var (field, boost) in SearchFields)
            {
                perField.Add(new TermQuery(new Term(field, term)) { Boost = boost });
            }

            query.Add(perField, Occur.SHOULD);
        }

        var total = positions.Sum(p => p.Weight);
        var candidates = _searcher.Search(query, ArticlesToRank).ScoreDocs;
        if (candidates.Length == 0 || total <= 0)
        {
            return [];
        }

        // BM25 ranks the candidates; coverage decides among them: an article that holds every word of the question
        // beats one that holds a few of them many times.
        var topScore = candidates[0].Score;
        var contained = TermsPerDocument(candidates.Select(c => c.Doc).ToArray(), positions.SelectMany(p => p.AllTerms).Distinct(StringComparer.Ordinal));
        var ranked = new List<(Article Article, float Score, double Coverage)>();
        foreach (var candidate in candidates)
        {
            var articleId = _searcher.Doc(candidate.Doc).Get(ArticleField, System.Globalization.CultureInfo.InvariantCulture);
            if (Knowledge.ArticlesById.TryGetValue(articleId, out var article))
            {
                var terms = contained[candidate.Doc];
                ranked.Add((article, candidate.Score, positions.Sum(p => p.CoveredWeight(terms.Contains)) / total));
            }
        }

        return [.. ranked.OrderByDescending(hit => hit.Coverage * Math.Sqrt(hit.Score / topScore))
            .Take(maxArticles)
            .Select(hit => new SearchHit(hit.Article, BestSection(hit.Article, positions), hit.Score, hit.Coverage)
            {
                ScoreSentences = () => ScoreSentences(hit.Article, positions, total),
            })];
    }

    private List<SentenceMatch> ScoreSentences(Article article, List<QueryPosition> positions, double total)
    {
        var sentences = _sentences[article.Id];
        // How many of the article's sentences hold each question word: a word in one sentence tells where the detail is.
        var covered = sentences.Select(s => positions.Select(p => p.CoveredWeight(s.Terms.Contains)).ToArray()).ToList();
        var rarity = positions.Select((_, i) => Math.Log(1 + (sentences.Count / (1.0 + covered.Count(c => c[i] > 0))))).ToArray();
        var most = positions.Select((p, i) => p.Weight * rarity[i]).Sum();
        var sectionCoverage = sentences.GroupBy(s => s.Section).ToDictionary(
            g => g.Key,
            g => positions.Sum(p => p.CoveredWeight(term => g.Any(s => s.Terms.Contains(term) || s.Heading.Contains(term)))) / total);
        return [.. sentences.Select((s, n) => new SentenceMatch(
            s.Section,
            s.Index,
            s.Text,
            most > 0 ? covered[n].Select((weight, i) => weight * rarity[i]).Sum() / most : 0,
            sectionCoverage[s.Section]))];
    }

    private static List<IndexedSentence> IndexSentences(DutchTextAnalyzer analyzer, Article article)
    {
        var sentences = new List<IndexedSentence>();
        for (var section = 0; section < article.Sections.Count; section++)
        {
            var heading = Terms(analyzer, article.Sections[section].Heading ?? string.Empty);
            var index = 0;
            foreach (var sentence in Sentences.Split(article.Sections[section].Text))
            {
                sentences.Add(new IndexedSentence(section, index++, sentence.Trim(), Terms(analyzer, sentence), heading));
            }
        }

        return sentences;
    }

    private static HashSet<string> Terms(Analyzer analyzer, string text) => Analyze(analyzer, text).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);

    private sealed record IndexedSentence(int Section, int Index, string Text, HashSet<string> Terms, HashSet<string> Heading);

    // Which of the question's terms each candidate holds, read from the index's postings rather than kept in memory.
    private Dictionary<int, HashSet<string>> TermsPerDocument(int[] documents, IEnumerable<string> terms)
    {
        var result = documents.ToDictionary(d => d, _ => new HashSet<string>(StringComparer.Ordinal));
        var ordered = documents.Order().ToArray();
        foreach (var term in terms)
        {
            var postings = MultiFields.GetTermDocsEnum(_reader, null, AllField, new BytesRef(term));
            if (postings is null)
            {
                continue;
            }

            foreach (var document in ordered)
            {
                var at = postings.DocID >= document ? postings.DocID : postings.Advance(document);
                if (at == DocIdSetIterator.NO_MORE_DOCS)
                {
                    break;
                }

                if (at == document)
                {
                    result[document].Add(term);
                }
            }
        }

        return result;
    }

    // The section that holds the most of the question's weight; the lead wins ties, as it states the main fact.
    private ArticleSection BestSection(Article article, List<QueryPosition> positions)
    {
        var sections = _sectionTerms[article.Id];
        var best = 0;
        var bestWeight = positions.Sum(p => p.CoveredWeight(sections[0].Contains));
        for (var i = 1; i < sections.Length; i++)
        {
            var weight = positions.Sum(p => p.CoveredWeight(sections[i].Contains));
            if (weight > bestWeight)
            {
                (best, bestWeight) = (i, weight);
            }
        }

        return article.Sections[best];
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    // BM25's inverse document frequency over all fields; a term no article has weighs the most, so a question about
    // something the knowledge base does not cover gets a low coverage.
    private (double Idf, bool Known) Idf(string term)
    {
        var documents = _reader.NumDocs;
        var frequency = _reader.DocFreq(new Term(AllField, term));
        return (Math.Log(1 + ((documents - frequency + 0.5) / (frequency + 0.5))), frequency > 0);
    }

    // The known words inside a compound with their place in it, each as the search term it becomes (stemmed), so
    // coverage can tell how much of "noodpakketlijst" the known "noodpakket" and "lijst" explain.
    private List<AnalyzedToken> CompoundParts(string text, AnalyzedToken word)
    {
        var surface = text[word.Start..word.End];
        var parts = new List<AnalyzedToken>();
        for (var start = 0; start < surface.Length; start++)
        {
            for (var length = MinCompoundPart; start + length <= surface.Length; length++)
            {
                if (length == surface.Length || !_compoundParts.Contains(surface.Substring(start, length)))
                {
                    continue;
                }

                var term = Analyze(_analyzer, surface.Substring(start, length)).FirstOrDefault();
                if (term is not null)
                {
                    parts.Add(term with { Position = word.Position, Start = word.Start + start, End = word.Start + start + length });
                }
            }
        }

        return parts;
    }

    private static List<AnalyzedToken> Analyze(Analyzer analyzer, string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream(AllField, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += Math.Max(increment.PositionIncrement, 0);
            tokens.Add(new AnalyzedToken(term.ToString(), Math.Max(position, 0), type.Type, offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }

    // Every word the articles and synonyms use: what typing errors are corrected to.
    private static HashSet<string> Vocabulary(IEnumerable<Article> articles, IReadOnlyList<IReadOnlyList<string>> synonyms)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            var text = string.Join('\n', [article.Title, article.Summary, .. article.Tags, .. article.Questions, .. article.Sections.Select(s => (s.Heading ?? string.Empty) + "\n" + s.Text)]);
            words.UnionWith(DutchTextAnalyzer.Words(text));
        }

        words.UnionWith(synonyms.SelectMany(group => group).SelectMany(DutchTextAnalyzer.Words));
        // Stop words too: "eigelijk" is corrected to "eigenlijk", which then drops out instead of counting as unknown.
        words.UnionWith(DutchTextAnalyzer.StopWords.Select(word => word?.ToString() ?? string.Empty));
        return words;
    }

    // The words compounds are split into: every word of the knowledge long enough to stand on its own, e.g.
    // "noodpakket" and "drinkwater", so "noodpakketlijst" and "drinkwatervoorziening" find them.
    private static CharArraySet CompoundParts(IEnumerable<string> vocabulary)
    {
        var parts = new CharArraySet(DutchTextAnalyzer.Version, 4096, ignoreCase: true);
        foreach (var word in vocabulary.Where(word => word.Length >= 5 && !DutchTextAnalyzer.StopWords.Contains(word) && !word.Any(char.IsDigit)))
        {
            parts.Add(word);
        }

        return parts;
    }
}
