using System.Text;

namespace Weerbaar.Bot.Cards;

/// <summary>
/// Makes user-provided text safe to bind into a card. TextBlocks render a Markdown subset, so text a user typed
/// (a question, a contribution, a name) would otherwise turn into bold text, lists or links. Escaping happens in
/// the data, before template expansion, so our renderer and the official engine produce the same card.
/// </summary>
/// <remarks>
/// Only characters that CommonMark (with the tables and strikethrough that markdown-it adds) would read as markup
/// where they stand get a backslash: Teams clients have not always removed escape backslashes (AdaptiveCards
/// issue 5590), so each needless escape risks a visible "\" in an ordinary sentence such as "(zie bijlage)".
/// </remarks>
public static class CardText
{
    // Markup wherever it stands: emphasis, strikethrough, code, links and images (brackets), table cells, escapes.
    private const string InlineSpecials = "\\*_[]`~|";

    // Markup at the start of a line (after optional indentation): bullet lists, headings, block quotes and the
    // "===" that turns the line above into a heading.
    private const string LineStartSpecials = "-+#>=";

    /// <summary>Escapes Markdown in <paramref name="text"/> so it shows literally.</summary>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsLineStart(text, i) && IndentationEnd(text, i) is var end and > 0)
            {
                // Four columns of indentation make an indented code block; a paragraph ignores indentation anyway,
                // so dropping it changes nothing else. (A space cannot be escaped.)
                i = end - 1;
                continue;
            }

            if (InlineSpecials.Contains(c, StringComparison.Ordinal)
                || (lineStart && LineStartSpecials.Contains(c, StringComparison.Ordinal))
                || IsOrderedListMarker(text, i)
                || IsTagOrAutolinkStart(text, i)
                || IsEntityStart(text, i))
            {
                builder.Append('\\');
            }

            builder.Append(c);
            if (c is '\n' or '\r')
            {
                lineStart = true;
            }
            else if (c is not (' ' or '\t'))
            {
                lineStart = false;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Keeps the Markdown of text written as Markdown (an article's body) but shows HTML tags, autolinks and entities
    /// as typed: admins edit articles in Teams, and a Markdown renderer that allows HTML must not get any.
    /// </summary>
    public static string WithoutHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var builder = new StringBuilder(markdown.Length + 8);
        for (var i = 0; i < markdown.Length; i++)
        {
            if (IsTagOrAutolinkStart(markdown, i) || IsEntityStart(markdown, i))
            {
                builder.Append('\\');
            }

            builder.Append(markdown[i]);
        }

        return builder.ToString();
    }

    private static bool IsLineStart(string text, int index) => index == 0 || text[index - 1] is '\n' or '\r';

    // Where indentation of four columns or more ends (a tab counts as four), or 0 when the line is not indented that far.
    private static int IndentationEnd(string text, int index)
    {
        var columns = 0;
        var end = index;
        for (; end < text.Length && text[end] is ' ' or '\t'; end++)
        {
            columns += text[end] == '\t' ? 4 : 1;
        }

        return columns >= 4 ? end : 0;
    }

    // "1. text" or "1) text" at the start of a line becomes a numbered list; escaping the dot or parenthesis keeps
    // the number as typed. "versie 1.5" or "1.5 liter" is no list marker: it needs the line start and a space after.
    private static bool IsOrderedListMarker(string text, int index)
    {
        if (text[index] is not ('.' or ')') || index == 0 || !char.IsAsciiDigit(text[index - 1])
            || (index + 1 < text.Length && text[index + 1] is not (' ' or '\t' or '\n' or '\r')))
        {
            return false;
        }

        var first = index - 1;
        while (first > 0 && char.IsAsciiDigit(text[first - 1]))
        {
            first--;
        }

        var lineStart = first == 0 ? 0 : text.LastIndexOfAny(['\n', '\r'], first - 1) + 1;
        return text.AsSpan(lineStart, first - lineStart).Trim(" \t").IsEmpty;
    }

    // "<b>", "</b>", "<!--" and "<http://x>" are HTML or autolinks; "a < b" is plain text.
    private static bool IsTagOrAutolinkStart(string text, int index) =>
        text[index] == '<' && index + 1 < text.Length && (char.IsAsciiLetter(text[index + 1]) || text[index + 1] is '/' or '!' or '?');

    // "&amp;", "&#35;" or "&#x23;" would show as the character it names; "R&D" or "a & b" is plain text.
    private static bool IsEntityStart(string text, int index)
    {
        if (text[index] != '&')
        {
            return false;
        }

        var end = index + 1;
        if (end < text.Length && text[end] == '#')
        {
            end++;
        }

        var nameStart = end;
        while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
        {
            end++;
        }

        return end > nameStart && end < text.Length && text[end] == ';';
    }
}
