using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Weerbaar.Bot.Cards;

/// <summary>The operators and literals of the supported expression subset, read as Adaptive Expressions reads them.</summary>
internal static class TemplateOperators
{
    /// <summary>Where the first <c>==</c> or <c>!=</c> outside a quoted literal starts, and whether it is <c>!=</c>.</summary>
    public static (int At, bool Negate)? FindComparison(string text)
    {
        var at = IndexOutsideQuotes(text, 0, i => i > 0 && i + 1 < text.Length && text[i + 1] == '=' && text[i] is '=' or '!');
        return at < 0 ? null : (at, text[at] == '!');
    }

    /// <summary>The first index from <paramref name="start"/> that matches and is not inside a quoted literal, or -1.</summary>
    public static int IndexOutsideQuotes(string text, int start, Func<int, bool> matches)
    {
        char? quote = null;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (matches(i))
            {
                return i;
            }
        }

        return -1;
    }

    public static Evaluation? ParseLiteral(string text)
    {
        if (text.Length >= 2 && text[0] is '\'' or '"' && ClosingQuote(text) == text.Length - 1)
        {
            return Evaluation.Of(JsonValue.Create(Unescape(text[1..^1], text[0])));
        }

        if (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] == '-')
            && double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return Evaluation.Of(JsonValue.Create(number));
        }

        return text switch
        {
            "true" => Evaluation.Of(JsonValue.Create(true)),
            "false" => Evaluation.Of(JsonValue.Create(false)),
            "null" => Evaluation.Of(null),
            _ => null,
        };
    }

    // Where the quoted literal that opens text closes: "'a' == 'b'" is no literal but a comparison.
    private static int ClosingQuote(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == text[0])
            {
                return i;
            }
        }

        return -1;
    }

    // Adaptive Expressions unescapes the literal's own quote, backslash, \n, \r and \t; other escapes stay as typed.
    private static string Unescape(string body, char quote)
    {
        var builder = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\\' && i + 1 < body.Length)
            {
                var next = body[i + 1];
                string? replacement = next switch
                {
                    '\\' => "\\",
                    'n' => "\n",
                    'r' => "\r",
                    't' => "\t",
                    _ when next == quote => next.ToString(CultureInfo.InvariantCulture),
                    _ => null,
                };
                if (replacement is not null)
                {
                    builder.Append(replacement);
                    i++;
                    continue;
                }
            }

            builder.Append(body[i]);
        }

        return builder.ToString();
    }
}
