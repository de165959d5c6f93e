using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Weerbaar.Bot.Cards;

/// <summary>
/// Expands Adaptive Card templates (the Adaptive Card Templating language) for the subset our cards use:
/// <c>${path}</c> with nested paths and <c>$root</c>, <c>$data</c> and <c>$index</c>; literals (<c>'text'</c>,
/// numbers, <c>true</c>, <c>false</c>, <c>null</c>); <c>!expression</c>; <c>a == b</c> and <c>a != b</c>;
/// <c>$data</c> over arrays and objects; <c>$when</c>. Functions, indexing (<c>a[0]</c>), <c>&amp;&amp;</c> and
/// <c>||</c> are not supported.
/// Within that subset it behaves like the official engine (npm <c>adaptivecards-templating</c>), which tests check
/// on every template and on adversarial data; that engine is the reference, so its quirks are copied on purpose
/// and explained where they happen. Where the official engine throws (null inside text, a backtick in a template
/// string with a binding) this one still renders. Bound values are never expanded again.
/// </summary>
public static class CardTemplateRenderer
{
    private const string DataKeyword = "$data";
    private const string WhenKeyword = "$when";

    // The official engine consumes these keys and never copies them into the card.
    private static readonly FrozenSet<string> ReservedKeys =
        FrozenSet.Create(StringComparer.Ordinal, DataKeyword, WhenKeyword, "$root", "$index", "$host", "$_acTemplateVersion");

    /// <summary>Expands <paramref name="template"/> with <paramref name="data"/>; neither is changed.</summary>
    /// <exception cref="InvalidOperationException">The template does not expand to exactly one object.</exception>
    public static JsonNode Expand(JsonNode template, JsonNode? data)
    {
        ArgumentNullException.ThrowIfNull(template);
        return ExpandNode(template, new Scope(data, data, null)) as JsonObject
            ?? throw new InvalidOperationException("A card template must expand to exactly one object.");
    }

    private static JsonNode? ExpandNode(JsonNode? node, Scope scope) => node switch
    {
        JsonObject obj => Collapse(ExpandObject(obj, scope)),
        JsonArray array => ExpandArray(array, scope),
        JsonValue value when value.TryGetValue<string>(out var text) => Interpolate(text, scope),
        null => null,
        _ => node.DeepClone(),
    };

    // As in the official engine, an object that $data repeats over several items becomes an array of copies (spliced
    // into an enclosing array), one copy stays an object, and an object without copies becomes null.
    private static JsonNode? Collapse(List<JsonObject> copies) => copies.Count switch
    {
        0 => null,
        1 => copies[0],
        _ => new JsonArray([.. copies]),
    };

    // The official engine drops array items that expand to null and splices in items that expand to an array, so a
    // nested array or a binding to an array ("${list}") flattens into the enclosing one.
    private static JsonArray ExpandArray(JsonArray array, Scope scope)
    {
        var result = new JsonArray();
        foreach (var item in array)
        {
            switch (ExpandNode(item, scope))
            {
                case null:
                    break;
                case JsonArray items:
                    var moved = items.ToList();
                    items.Clear();
                    moved.ForEach(result.Add);
                    break;
                case var expanded:
                    result.Add(expanded);
                    break;
            }
        }

        return result;
    }

    private static List<JsonObject> ExpandObject(JsonObject template, Scope scope)
    {
        var copies = new List<JsonObject>();
        foreach (var itemScope in ScopesFor(template, scope))
        {
            if (!IsIncluded(template, itemScope))
            {
                continue;
            }

            var copy = new JsonObject();
            foreach (var (name, value) in template)
            {
                if (!ReservedKeys.Contains(name))
                {
                    copy[name] = ExpandNode(value, itemScope);
                }
            }

            copies.Add(copy);
        }

        return copies;
    }

    private static List<Scope> ScopesFor(JsonObject template, Scope scope)
    {
        if (!template.TryGetPropertyValue(DataKeyword, out var binding))
        {
            return [scope];
        }

        // The official engine sets $index only for arrays; an object in $data keeps the enclosing item's $index.
        return ExpandNode(binding, scope) switch
        {
            JsonArray items => items.Select((item, index) => new Scope(item, scope.Root, index)).ToList(),
            var bound => [scope with { Data = bound }],
        };
    }

    // The official engine keeps an object only when $when is an expression that yields the boolean true, so a string
    // or a number is false there, unlike Adaptive Expressions' usual truthiness. A $when that is no expression at all
    // drops the object when it is JavaScript-truthy: "$when": true drops it, "$when": false keeps it.
    private static bool IsIncluded(JsonObject template, Scope scope)
    {
        if (!template.TryGetPropertyValue(WhenKeyword, out var when))
        {
            return true;
        }

        if (when is JsonValue value && value.TryGetValue<string>(out var text) && TemplateText.Parse(text) is { } parts)
        {
            return parts is [TemplateText.Binding binding] && !IsConstant(binding)
                && Evaluate(binding.Expression, scope, substitute: false).Value is JsonValue result
                && result.GetValueKind() == JsonValueKind.True;
        }

        return !JavaScript.IsTruthy(when);
    }

    /// <summary>Replaces every <c>${…}</c> in <paramref name="text"/>; a lone binding keeps its value's type.</summary>
    private static JsonNode? Interpolate(string text, Scope scope)
    {
        var parts = TemplateText.Parse(text);
        if (parts is null)
        {
            return JsonValue.Create(text);
        }

        if (parts is [TemplateText.Binding lone] && !IsConstant(lone))
        {
            return Evaluate(lone.Expression, scope, substitute: true).Value?.DeepClone();
        }

        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            builder.Append(part switch
            {
                TemplateText.Binding binding => JavaScript.ToText(Evaluate(binding.Expression, scope, substitute: true).Value),
                TemplateText.Literal literal => literal.Text,
                _ => throw new InvalidOperationException("Unknown template part."),
            });
        }

        return JsonValue.Create(builder.ToString());
    }

    // The official engine gives a lone binding its value's type only when it is no constant: "${2}", "${true}" and
    // "${'x'}" become text, like any binding with text around it (and so a "$when" of "${true}" is false).
    private static bool IsConstant(TemplateText.Binding binding) => Operators.ParseLiteral(binding.Expression.Trim()) is not null;

    // substitute: in text the official engine writes a path that resolves to nothing back as "${path}"; inside $when,
    // "!" and comparisons it does not, so there a missing path stays undefined.
    private static Evaluation Evaluate(string expression, Scope scope, bool substitute)
    {
        var text = expression.Trim();
        if (Operators.FindComparison(text) is (var at, var negate))
        {
            var equal = AreEqual(Evaluate(text[..at], scope, substitute: false), Evaluate(text[(at + 2)..], scope, substitute: false));
            return Evaluation.Of(JsonValue.Create(equal != negate));
        }

        if (text.StartsWith('!'))
        {
            var operand = Evaluate(text[1..], scope, substitute: false);
            return Evaluation.Of(JsonValue.Create(!IsLogicTrue(operand)));
        }

        return Operators.ParseLiteral(text) ?? ResolvePath(text, scope, substitute);
    }

    private static Evaluation ResolvePath(string path, Scope scope, bool substitute)
    {
        var segments = path.Split('.').Select(segment => segment.Trim()).ToArray();
        var found = Lookup(segments, scope);
        return found.IsDefined || !substitute
            ? found
            : Evaluation.Of(JsonValue.Create("${" + string.Join('.', segments) + "}"));
    }

    // Adaptive Expressions looks names up case-insensitively and takes the first match in property order, even when an
    // exact match comes later; "$root", "$data" and "$index" are matched the same way.
    private static Evaluation Lookup(string[] segments, Scope scope)
    {
        JsonNode? current = scope.Data;
        var start = 0;
        if (segments[0].StartsWith('$'))
        {
            start = 1;
            if (IsKeyword(segments[0], "$index"))
            {
                return scope.Index is int index && segments.Length == 1
                    ? Evaluation.Of(JsonValue.Create(index))
                    : Evaluation.Undefined;
            }

            if (IsKeyword(segments[0], "$root"))
            {
                current = scope.Root;
            }
            else if (!IsKeyword(segments[0], DataKeyword))
            {
                return Evaluation.Undefined;
            }
        }

        for (var i = start; i < segments.Length; i++)
        {
            if (current is not JsonObject obj)
            {
                return Evaluation.Undefined;
            }

            var match = obj.FirstOrDefault(property => string.Equals(property.Key, segments[i], StringComparison.OrdinalIgnoreCase));
            if (match.Key is null)
            {
                return Evaluation.Undefined;
            }

            current = match.Value;
        }

        return Evaluation.Of(current);
    }

    private static bool IsKeyword(string segment, string keyword) =>
        string.Equals(segment, keyword, StringComparison.OrdinalIgnoreCase);

    // Adaptive Expressions' truthiness: only false, null and undefined are false (0 and "" are true).
    private static bool IsLogicTrue(Evaluation evaluation) =>
        evaluation.Value is { } value && value.GetValueKind() != JsonValueKind.False;

    // Adaptive Expressions' equality: null and undefined equal each other and nothing else, numbers compare by value
    // (within JavaScript's Number.EPSILON), arrays item by item, everything else structurally.
    private static bool AreEqual(Evaluation left, Evaluation right) => AreEqual(left.Value, right.Value);

    private static bool AreEqual(JsonNode? left, JsonNode? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left is JsonArray leftItems && right is JsonArray rightItems)
        {
            return leftItems.Count == rightItems.Count && leftItems.Zip(rightItems).All(pair => AreEqual(pair.First, pair.Second));
        }

        if (left.GetValueKind() == JsonValueKind.Number && right.GetValueKind() == JsonValueKind.Number)
        {
            return Math.Abs(JavaScript.ToNumber(left) - JavaScript.ToNumber(right)) < JavaScript.Epsilon;
        }

        return JsonNode.DeepEquals(left, right);
    }

    private sealed record Scope(JsonNode? Data, JsonNode? Root, int? Index);

    private readonly record struct Evaluation(bool IsDefined, JsonNode? Value)
    {
        public static Evaluation Undefined => new(false, null);

        public static Evaluation Of(JsonNode? value) => new(true, value);
    }

    /// <summary>An interpolated string read the way the official engine reads it.</summary>
    private static class TemplateText
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
        private static int ClosingBrace(string text, int start) => Operators.IndexOutsideQuotes(text, start, i => text[i] == '}');
    }

    /// <summary>The operators and literals of the supported expression subset, read as Adaptive Expressions reads them.</summary>
    private static class Operators
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

    /// <summary>The JavaScript conversions the official engine applies to bound values.</summary>
    private static class JavaScript
    {
        /// <summary>JavaScript's <c>Number.EPSILON</c>, which Adaptive Expressions uses to compare numbers.</summary>
        public const double Epsilon = 2.220446049250313e-16;

        public static bool IsTruthy(JsonNode? value) => value is not null && value.GetValueKind() switch
        {
            JsonValueKind.Null or JsonValueKind.False => false,
            JsonValueKind.String => value.GetValue<string>().Length > 0,
            JsonValueKind.Number => ToNumber(value) is not (0 or double.NaN),
            _ => true,
        };

        public static double ToNumber(JsonNode number) => double.Parse(number.ToJsonString(), CultureInfo.InvariantCulture);

        /// <summary>
        /// A bound value inside a longer text, as JavaScript's <c>toString</c> writes it: objects become
        /// "[object Object]" and arrays their items joined by commas. The official engine throws on null there;
        /// we write nothing instead, so a card still renders.
        /// </summary>
        public static string ToText(JsonNode? value) => value switch
        {
            null => string.Empty,
            JsonObject => "[object Object]",
            JsonArray items => string.Join(',', items.Select(ToText)),
            _ => value.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => NumberToText(ToNumber(value)),
            },
        };

        // ECMAScript's Number::toString: the shortest round-trip digits, written out in full from 1e-7 up to 1e21
        // and in exponent form ("1e+21", "1e-7") outside that range.
        private static string NumberToText(double number)
        {
            if (number == 0)
            {
                return "0";
            }

            var shortest = Math.Abs(number).ToString("R", CultureInfo.InvariantCulture).Split('E');
            var exponent = shortest.Length > 1 ? int.Parse(shortest[1], CultureInfo.InvariantCulture) : 0;
            var whole = shortest[0].Split('.')[0];
            var allDigits = shortest[0].Replace(".", string.Empty, StringComparison.Ordinal);
            var leadingZeros = allDigits.Length - allDigits.TrimStart('0').Length;
            var digits = allDigits.Trim('0');
            var point = whole.Length + exponent - leadingZeros;

            var text = point switch
            {
                _ when digits.Length <= point && point <= 21 => digits + new string('0', point - digits.Length),
                > 0 and <= 21 => digits[..point] + "." + digits[point..],
                > -6 and <= 0 => "0." + new string('0', -point) + digits,
                _ => (digits.Length == 1 ? digits : digits[0] + "." + digits[1..])
                    + "e" + (point - 1 >= 0 ? "+" : "-") + Math.Abs(point - 1).ToString(CultureInfo.InvariantCulture),
            };
            return number < 0 ? "-" + text : text;
        }
    }
}
