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

        return !JavaScriptConversions.IsTruthy(when);
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
                TemplateText.Binding binding => JavaScriptConversions.ToText(Evaluate(binding.Expression, scope, substitute: true).Value),
                TemplateText.Literal literal => literal.Text,
                _ => throw new InvalidOperationException("Unknown template part."),
            });
        }

        return JsonValue.Create(builder.ToString());
    }

    // The official engine gives a lone binding its value's type only when it is no constant: "${2}", "${true}" and
    // "${'x'}" become text, like any binding with text around it (and so a "$when" of "${true}" is false).
    private static bool IsConstant(TemplateText.Binding binding) => TemplateOperators.ParseLiteral(binding.Expression.Trim()) is not null;

    // substitute: in text the official engine writes a path that resolves to nothing back as "${path}"; inside $when,
    // "!" and comparisons it does not, so there a missing path stays undefined.
    private static Evaluation Evaluate(string expression, Scope scope, bool substitute)
    {
        var text = expression.Trim();
        if (TemplateOperators.FindComparison(text) is (var at, var negate))
        {
            var equal = AreEqual(Evaluate(text[..at], scope, substitute: false), Evaluate(text[(at + 2)..], scope, substitute: false));
            return Evaluation.Of(JsonValue.Create(equal != negate));
        }

        if (text.StartsWith('!'))
        {
            var operand = Evaluate(text[1..], scope, substitute: false);
            return Evaluation.Of(JsonValue.Create(!IsLogicTrue(operand)));
        }

        return TemplateOperators.ParseLiteral(text) ?? ResolvePath(text, scope, substitute);
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
            return Math.Abs(JavaScriptConversions.ToNumber(left) - JavaScriptConversions.ToNumber(right)) < JavaScriptConversions.Epsilon;
        }

        return JsonNode.DeepEquals(left, right);
    }

    private sealed record Scope(JsonNode? Data, JsonNode? Root, int? Index);
}
