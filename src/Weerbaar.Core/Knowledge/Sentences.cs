using System.Text.RegularExpressions;

namespace Weerbaar.Core.Knowledge;

/// <summary>Splits article text into sentences and list items: what an answer is built from.</summary>
public static partial class Sentences
{
    /// <summary>The sentences and list items of <paramref name="text"/>, each with the white space that follows it.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<string>();
        var pending = string.Empty;
        foreach (var piece in Sentence().Matches(text.Trim()).Select(m => m.Value).Where(s => s.Trim().Length > 0))
        {
            pending += piece;
            // "Kamerstuk 30 821, nr. 249", "P.J. Aalbersberg" and "1. een veilig Koninkrijk" are one sentence: a period
            // after an abbreviation, an initial or a list number ends no sentence, unless a line break does.
            if (!piece.EndsWith('\n') && EndsWithAbbreviation().IsMatch(pending.TrimEnd()))
            {
                continue;
            }

            sentences.Add(pending);
            pending = string.Empty;
        }

        if (pending.Trim().Length > 0)
        {
            sentences.Add(pending);
        }

        return sentences;
    }

    /// <summary>Whether a sentence takes its subject from the one before: "Dat mag maximaal 12 uur.", "Dan schuift het op."</summary>
    public static bool RefersBack(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var words = sentence.TrimStart('-', ' ', '*').Split(' ', 3);
        var first = words[0].ToLowerInvariant();
        // "Het doet dat …" points back; "Het Rijk …" names its subject.
        return first is "dat" or "dit" or "die" or "deze" or "hij" or "zij" or "ze" or "daar" or "daarvoor" or "daarom" or "daarna"
            or "daardoor" or "daarin" or "daarbij" or "hierin" or "hiervoor" or "hierbij" or "zo" or "ook" or "dan" or "hun" or "zijn" or "haar"
            || (first == "het" && words.Length > 1 && words[1].Length > 0 && char.IsLower(words[1][0]));
    }

    /// <summary>Whether a sentence is an item of a list (a dash or a number in front).</summary>
    public static bool IsListItem(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var text = sentence.TrimStart();
        return text.StartsWith('-') || (text.Length > 1 && char.IsDigit(text[0]) && text.TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9').StartsWith('.'));
    }

    [GeneratedRegex(@"(?:^|[\s(])(?i:nr|art|ca|bijv|bv|o\.a|e\.d|m\.b\.t|t\.a\.v|incl|excl|mr|dr|prof|jl|vs|resp|zgn|blz)\.$|(?:^|[\s(.])\p{Lu}\.$|^\d{1,3}\.$")]
    private static partial Regex EndsWithAbbreviation();

    // A sentence ends with . ! or ? followed by white space, or at a line break (list items, paragraphs).
    [GeneratedRegex(@"[^\n]*?(?:[.!?](?=\s)|\n|$)\s*", RegexOptions.Singleline)]
    private static partial Regex Sentence();
}
