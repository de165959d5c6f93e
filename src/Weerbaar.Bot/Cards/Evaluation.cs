using System.Text.Json.Nodes;

namespace Weerbaar.Bot.Cards;

/// <summary>The result of a template expression: undefined (a path to nothing) or a JSON value, null included.</summary>
internal readonly record struct Evaluation(bool IsDefined, JsonNode? Value)
{
    public static Evaluation Undefined => new(false, null);

    public static Evaluation Of(JsonNode? value) => new(true, value);
}
