using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Weerbaar.Core.Search;

/// <summary>
/// How Dutch text becomes search terms, the same for articles and questions: words, lower case, accents folded
/// (ë → e), synonyms from the knowledge base, Dutch stop words and question words dropped, compound words split
/// into the known words they contain (noodpakketlijst → noodpakket), and Snowball Dutch stemming.
/// </summary>
public sealed class DutchTextAnalyzer(SynonymMap? synonyms, CharArraySet compoundParts) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // Compounds are split only when long enough to hold two words; parts shorter than 4 letters are too ambiguous.
    private const int MinCompoundLength = 8;
    private const int MinPartLength = 4;
    private const int MaxPartLength = 25;

    /// <summary>Dutch stop words plus the words every question has ("welke", "moet", "kan") that say nothing about the topic.</summary>
    public static CharArraySet StopWords { get; } = BuildStopWords();

    /// <summary>Splits text the way the analyzer does before synonyms and stop words: for synonyms and compound parts.</summary>
    public static IEnumerable<string> Words(string text)
    {
        using var tokenizer = new StandardTokenizer(Version, new StringReader(text));
        using TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(Version, tokenizer));
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        var words = new List<string>();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }

        stream.End();
        return words;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(Version, tokenizer));
        if (synonyms is not null)
        {
            stream = new SynonymFilter(stream, synonyms, ignoreCase: true);
        }

        stream = new StopFilter(Version, stream, StopWords);
        if (compoundParts.Count > 0)
        {
            stream = new DictionaryCompoundWordTokenFilter(Version, stream, compoundParts, MinCompoundLength, MinPartLength, MaxPartLength, onlyLongestMatch: false);
        }

        stream = new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer());
        return new TokenStreamComponents(tokenizer, stream);
    }

    private static CharArraySet BuildStopWords()
    {
        var words = new CharArraySet(Version, 200, ignoreCase: true);
        foreach (var word in DutchAnalyzer.DefaultStopSet)
        {
            words.Add(word);
        }

        string[] questionWords =
        [
            "welke", "welk", "wanneer", "waarom", "hoeveel", "hoelang", "wie", "wat", "hoe", "waar", "waarmee", "waarvoor",
            "moet", "moeten", "moet", "kun", "kunt", "kan", "kunnen", "mag", "mogen", "wil", "willen", "zal", "zullen",
            "ik", "mijn", "we", "wij", "ons", "onze", "jullie", "u", "uw", "je", "jij", "jouw", "iemand", "iets",
            "graag", "eigenlijk", "precies", "allemaal", "zit", "zitten", "staat", "staan", "vind", "vinden", "weet", "weten",
            "klopt", "dat", "dit", "deze", "die", "er", "eens", "even", "nu", "nog", "ook", "zo", "zoals", "over", "gaat", "gaan",
            "doen", "doe", "krijg", "krijgen", "hebben", "heeft", "hebt", "is", "zijn", "wordt", "worden", "precies", "hier",
            "the", "what", "how", "is", "are", "do", "does", "of", "to", "in", "for", "and", "a", "an",
        ];
        foreach (var word in questionWords)
        {
            words.Add(word);
        }

        return words;
    }
}
