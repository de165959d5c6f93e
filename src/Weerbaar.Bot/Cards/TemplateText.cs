using System.Text;

namespace Weerbaar.Bot.Cards;

/// <summary>An interpolated string read the way the official engine reads it.</summary>
internal static class TemplateText
{
    public abstract record Part;

    public sealed record Literal(string Text) : Part;

    public sealed record Binding(string Expression) : Part;

    /// <summary>
    /// The parts of <paramref name="text"/>, or null when it holds no <c>${</c> and so is taken as it is. The
    /// official engine reads such a string as a JavaScript-like template literal: <c>\$</c> and <c>\`</c> are
    /// escapes (so <c>\${x}</c> is the text <c>${x}</c>), other backslashes stay, and a <c>${</c> without its
    /// closing brace is plain text.
    /// </summary>
    public static List<Part>? Parse(string text)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = new List<Part>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '$' or '`')
            {
                literal.Append(text[++i]);
            }
            else if (c == '$' && i + 1 < text.Length && text[i + 1] == '{' && ClosingBrace(text, i + 2) is var close and >= 0)
            {
                if (literal.Length > 0)
                {
                    parts.Add(new Literal(literal.ToString()));
                    literal.Clear();
                }

                parts.Add(new Binding(text[(i + 2)..close]));
                i = close;
            }
            else
            {
                literal.Append(c);
            }
        }

        if (literal.Length > 0)
        {
            parts.Add(new Literal(literal.ToString()));
        }

        return parts;
    }

    // A "}" inside a quoted literal ("${a == '}'}") does not end the binding.
    private static int ClosingBrace(string text, int start) => TemplateOperators.IndexOutsideQuotes(text, start, i => text[i] == '}');
}
