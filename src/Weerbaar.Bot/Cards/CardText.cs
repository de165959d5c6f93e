using System.Text;

namespace Weerbaar.Bot.Cards;

/// <summary>
/// Makes user-provided text safe to bind into a card. TextBlocks render a Markdown subset, so text a user typed
/// (a question, a contribution, a name) would otherwise turn into bold text, lists or links. Escaping happens in
/// the data, before template expansion, so our renderer and the official engine produce the same card.
/// </summary>
public static class CardText
{
    // The characters that start Markdown the Adaptive Card renderers understand: emphasis, links, code, lists.
    private const string InlineSpecials = "\\*_[]()`~#>|";

    /// <summary>Escapes Markdown in <paramref name="text"/> so it shows literally.</summary>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (InlineSpecials.Contains(c, StringComparison.Ordinal)
                || (lineStart && c is '-' or '+')
                || IsOrderedListMarker(text, i))
            {
                builder.Append('\\');
            }

            builder.Append(c);
            if (c == '\n')
            {
                lineStart = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                lineStart = false;
            }
        }

        return builder.ToString();
    }

    // "1. text" at the start of a line becomes a numbered list; escaping the dot keeps the number as typed.
    private static bool IsOrderedListMarker(string text, int index)
    {
        if (text[index] != '.' || index == 0 || !char.IsAsciiDigit(text[index - 1]))
        {
            return false;
        }

        var first = index - 1;
        while (first > 0 && char.IsAsciiDigit(text[first - 1]))
        {
            first--;
        }

        var lineStart = text.LastIndexOf('\n', Math.Max(0, first - 1)) + 1;
        return first == 0 || string.IsNullOrWhiteSpace(text[lineStart..first]);
    }
}
