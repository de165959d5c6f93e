using System.Text.RegularExpressions;

namespace Weerbaar.Core.Answering;

/// <summary>
/// A sentence in which an article says what its sources do not tell ("Hoe het geld wordt verdeeld, staat niet in de
/// bronnen van Weerbaar."). When that is the sentence that best answers a question, the honest outcome is partial: the
/// knowledge knows the topic and says itself that the asked detail is missing. A caveat on a fact that is given ("Dat
/// is niet zeker") is not a gap: the fact is there, with its uncertainty.
/// </summary>
public static partial class KnowledgeGap
{
    public static bool Says(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return Marker().IsMatch(sentence);
    }

    [GeneratedRegex(@"\b(?:sta(?:at|an) (?:ook )?niet in (?:de|deze|haar|zijn) bronnen|niet in de bronnen van Weerbaar|(?:is|zijn|werd|werden) (?:nog )?niet gevonden|(?:niet bekend|onbekend)(?! gemaakt))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Marker();
}
