using System.Text;
using System.Text.RegularExpressions;

namespace Weerbaar.Core.Answering;

/// <summary>Cuts a section to about a given number of words, always at the end of a sentence (or list item).</summary>
public static partial class Passage
{
    public static string Trim(string text, int words)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = Sentence().Matches(text.Trim()).Select(m => m.Value).Where(s => s.Trim().Length > 0).ToList();
        var result = new StringBuilder();
        var count = 0;
        foreach (var sentence in sentences)
        {
            var sentenceWords = Knowledge.ArticleParser.CountWords(sentence);
            // Always take the first sentence; stop before a sentence that would go well past the target.
            if (count > 0 && count + sentenceWords > words + (words / 5))
            {
                break;
            }

            result.Append(sentence);
            count += sentenceWords;
            if (count >= words)
            {
                break;
            }
        }

        return result.ToString().Trim();
    }

    // A sentence ends with . ! or ? followed by white space, or at a line break (list items, paragraphs).
    [GeneratedRegex(@"[^\n]*?(?:[.!?](?=\s)|\n|$)\s*", RegexOptions.Singleline)]
    private static partial Regex Sentence();
}
