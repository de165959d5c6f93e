using System.Text;
using System.Text.Json.Nodes;

namespace Weerbaar.Tests.Cards;

/// <summary>
/// Checks what the official parser does not: what Teams and accessibility need from our cards. It walks the whole
/// card (body, items, columns, actions, inlines, ShowCard cards, selectAction, fallback…) without knowing the schema,
/// so a new container is covered too.
/// </summary>
public static class CardLinter
{
    /// <summary>Teams accepts cards up to 28 KB; we keep 7 KB for data that is longer than the sample's.</summary>
    public const int MaxBytes = 21 * 1024;

    private static readonly Version MaxVersion = new(1, 5);

    // Elements Teams mobile does not render at schema 1.5 (Table) or that are newer than 1.5 (Badge, Icon).
    private static readonly HashSet<string> ForbiddenTypes = new(StringComparer.Ordinal) { "Table", "Badge", "Icon" };

    public static IReadOnlyList<string> Problems(JsonNode card)
    {
        var problems = new List<string>();
        if (card["fallbackText"] is not JsonValue fallback || string.IsNullOrWhiteSpace(fallback.ToString()))
        {
            problems.Add("The card has no fallbackText.");
        }

        if (card["version"] is null)
        {
            problems.Add("The card has no version.");
        }

        // Measured with the default encoder, which writes non-ASCII as \uXXXX: longer than what goes on the wire,
        // so the budget errs on the safe side.
        var size = Encoding.UTF8.GetByteCount(card.ToJsonString());
        if (size >= MaxBytes)
        {
            problems.Add($"The card is {size} bytes; the budget is under {MaxBytes}.");
        }

        Walk(card, "$", problems);
        return problems;
    }

    private static void Walk(JsonNode? node, string path, List<string> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                CheckElement(obj, path, problems);
                foreach (var (name, value) in obj)
                {
                    // An action's data is our own payload, not card content.
                    if (!(name == "data" && TypeOf(obj).StartsWith("Action.", StringComparison.Ordinal)))
                    {
                        Walk(value, $"{path}.{name}", problems);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", problems);
                }

                break;
        }
    }

    private static void CheckElement(JsonObject element, string path, List<string> problems)
    {
        var type = TypeOf(element);
        if (type.StartsWith("Input.", StringComparison.Ordinal) && IsBlank(element["label"]))
        {
            problems.Add($"{path}: {type} has no label.");
        }

        if (type == "Image" && IsBlank(element["altText"]))
        {
            problems.Add($"{path}: Image has no altText.");
        }

        if (ForbiddenTypes.Contains(type))
        {
            problems.Add($"{path}: {type} is not allowed.");
        }

        if (type == "AdaptiveCard" && element["version"] is { } version
            && (!Version.TryParse(version.ToString(), out var parsed) || parsed > MaxVersion))
        {
            problems.Add($"{path}: version {version} is above {MaxVersion}.");
        }
    }

    private static string TypeOf(JsonObject element) => element["type"] is JsonValue type ? type.ToString() : string.Empty;

    private static bool IsBlank(JsonNode? value) => value is not JsonValue text || string.IsNullOrWhiteSpace(text.ToString());
}
