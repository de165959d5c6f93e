using System.Text;

namespace Weerbaar.Core.Answering;

/// <summary>Cuts a section to about a given number of words, always at the end of a sentence (or list item).</summary>
public static class Passage
{
    public static string Trim(string text, int words)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = Knowledge.Sentences.Split(text);
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
}
