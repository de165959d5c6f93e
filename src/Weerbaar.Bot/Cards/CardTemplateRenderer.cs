using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Weerbaar.Bot.Cards;

/// <summary>
/// Expands Adaptive Card templates (the Adaptive Card Templating language) for the subset our cards use:
/// <c>${path}</c> with nested paths and <c>$root</c>, <c>$data</c> and <c>$index</c>; <c>$data</c> over arrays;
/// <c>$when</c> on a path, its negation (<c>!path</c>) or an equality (<c>path == 'value'</c>, <c>!=</c>).
/// It matches the official engine (npm <c>adaptivecards-templating</c>), which tests check on every template:
/// a string that is exactly one binding takes the bound value's JSON type, a binding to nothing stays as written,
/// and bound values are never expanded again.
/// </summary>
public static class CardTemplateRenderer
{
    private const string DataKeyword = "$data";
    private const string WhenKeyword = "$when";

    /// <summary>Expands <paramref name="template"/> with <paramref name="data"/>; neither is changed.</summary>
    public static JsonNode Expand(JsonNode template, JsonNode? data)
    {
        ArgumentNullException.ThrowIfNull(template);
        var scope = new Scope(data, data, null);
        var expanded = ExpandElement(template, scope).ToList();
        return expanded.Count == 1
            ? expanded[0]
            : throw new InvalidOperationException("The root of a card template must expand to exactly one element.");
    }

    private static IEnumerable<JsonNode> ExpandElement(JsonNode node, Scope scope)
    {
        if (node is not JsonObject obj)
        {
            yield return ExpandValue(node, scope)!;
            yield break;
        }

        var scopes = obj.TryGetPropertyValue(DataKeyword, out var dataBinding)
            ? ScopesFor(dataBinding, scope)
            : [scope];

        foreach (var itemScope in scopes)
        {
            if (obj.TryGetPropertyValue(WhenKeyword, out var when) && !IsTrue(when, itemScope))
            {
                continue;
            }

            var result = new JsonObject();
            foreach (var (name, value) in obj)
            {
                if (name is DataKeyword or WhenKeyword)
                {
                    continue;
                }

                result[name] = ExpandValue(value, itemScope);
            }

            yield return result;
        }
    }

    private static List<Scope> ScopesFor(JsonNode? dataBinding, Scope scope)
    {
        var bound = dataBinding is JsonValue v && v.TryGetValue<string>(out var text)
            ? Interpolate(text, scope)
            : dataBinding?.DeepClone();
        return bound switch
        {
            JsonArray items => items.Select((item, index) => new Scope(item, scope.Root, index)).ToList(),
            _ => [new Scope(bound, scope.Root, null)],
        };
    }

    private static JsonNode? ExpandValue(JsonNode? node, Scope scope) => node switch
    {
        JsonObject => ExpandElement(node, scope).FirstOrDefault(),
        JsonArray array => new JsonArray(array.Where(item => item is not null)
            .SelectMany(item => ExpandElement(item!, scope))
            .ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) => Interpolate(text, scope),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary>Replaces every <c>${…}</c> in <paramref name="text"/>; a lone binding keeps its value's type.</summary>
    private static JsonNode? Interpolate(string text, Scope scope)
    {
        var bindings = Binding.FindAll(text);
        if (bindings.Count == 0)
        {
            return JsonValue.Create(text);
        }

        if (bindings.Count == 1 && bindings[0].Start == 0 && bindings[0].End == text.Length)
        {
            var result = Evaluate(bindings[0].Expression, scope);
            return result.IsDefined ? result.Value?.DeepClone() : JsonValue.Create(text);
        }

        var builder = new StringBuilder();
        var position = 0;
        foreach (var binding in bindings)
        {
            builder.Append(text, position, binding.Start - position);
            var result = Evaluate(binding.Expression, scope);
            builder.Append(result.IsDefined ? AsText(result.Value) : text[binding.Start..binding.End]);
            position = binding.End;
        }

        builder.Append(text, position, text.Length - position);
        return JsonValue.Create(builder.ToString());
    }

    private static bool IsTrue(JsonNode? when, Scope scope)
    {
        if (when is JsonValue v && v.TryGetValue<string>(out var text))
        {
            var bindings = Binding.FindAll(text);
            if (bindings.Count == 1 && bindings[0].Start == 0 && bindings[0].End == text.Length)
            {
                var result = Evaluate(bindings[0].Expression, scope);
                return result.IsDefined && IsTruthy(result.Value);
            }
        }

        return IsTruthy(when);
    }

    private static Evaluation Evaluate(string expression, Scope scope)
    {
        var trimmed = expression.Trim();
        foreach (var (op, negate) in new[] { ("!=", true), ("==", false) })
        {
            var at = trimmed.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var left = ResolveOperand(trimmed[..at], scope);
                var right = ResolveOperand(trimmed[(at + op.Length)..], scope);
                var equal = JsonNode.DeepEquals(left.Value, right.Value) && left.IsDefined == right.IsDefined;
                return Evaluation.Of(JsonValue.Create(equal != negate));
            }
        }

        if (trimmed.StartsWith('!'))
        {
            var operand = Evaluate(trimmed[1..], scope);
            return Evaluation.Of(JsonValue.Create(!(operand.IsDefined && IsTruthy(operand.Value))));
        }

        return ResolvePath(trimmed, scope);
    }

    private static Evaluation ResolveOperand(string operand, Scope scope)
    {
        var text = operand.Trim();
        if (text.Length >= 2 && (text[0] == '\'' || text[0] == '"') && text[^1] == text[0])
        {
            return Evaluation.Of(JsonValue.Create(text[1..^1]));
        }

        if (text is "true" or "false")
        {
            return Evaluation.Of(JsonValue.Create(text == "true"));
        }

        if (text is "null")
        {
            return Evaluation.Of(null);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return Evaluation.Of(JsonValue.Create(number));
        }

        return ResolvePath(text, scope);
    }

    private static Evaluation ResolvePath(string path, Scope scope)
    {
        var segments = path.Split('.');
        JsonNode? current;
        var start = 1;
        switch (segments[0])
        {
            case "$root":
                current = scope.Root;
                break;
            case "$data":
                current = scope.Data;
                break;
            case "$index":
                return scope.Index is int index ? Evaluation.Of(JsonValue.Create(index)) : Evaluation.Undefined;
            default:
                current = scope.Data;
                start = 0;
                break;
        }

        for (var i = start; i < segments.Length; i++)
        {
            if (current is not JsonObject obj || !obj.TryGetPropertyValue(segments[i], out current))
            {
                return Evaluation.Undefined;
            }
        }

        return Evaluation.Of(current);
    }

    // Adaptive Expressions' truthiness: only false, null and undefined are false (0 and "" are true).
    private static bool IsTruthy(JsonNode? value) =>
        value is not null && !(value.GetValueKind() == JsonValueKind.False);

    private static string AsText(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValueKind() == JsonValueKind.True ? "true" : "false",
        _ => value.ToJsonString(),
    };

    private sealed record Scope(JsonNode? Data, JsonNode? Root, int? Index);

    private readonly record struct Evaluation(bool IsDefined, JsonNode? Value)
    {
        public static Evaluation Undefined => new(false, null);

        public static Evaluation Of(JsonNode? value) => new(true, value);
    }

    private readonly record struct Binding(int Start, int End, string Expression)
    {
        public static List<Binding> FindAll(string text)
        {
            var found = new List<Binding>();
            var position = 0;
            while ((position = text.IndexOf("${", position, StringComparison.Ordinal)) >= 0)
            {
                var close = text.IndexOf('}', position + 2);
                if (close < 0)
                {
                    break;
                }

                found.Add(new Binding(position, close + 1, text[(position + 2)..close]));
                position = close + 1;
            }

            return found;
        }
    }
}
