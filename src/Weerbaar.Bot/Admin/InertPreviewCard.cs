using System.Text.Json.Nodes;

namespace Weerbaar.Bot.Admin;

/// <summary>
/// Turns an answer card into the admin's preview of it: labelled VOORBEELD at the top, and every button that would
/// act (👍/👎, read more, next questions, start a session) only answers that it is a preview. A preview must not look
/// like a real answer, nor count a vote or post an article. Links to sources stay: they change nothing.
/// </summary>
public static class InertPreviewCard
{
    public static JsonNode Of(JsonNode card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var preview = card.DeepClone();
        foreach (var action in Actions(preview).ToList())
        {
            var title = action["title"]?.DeepClone();
            action.Clear();
            action["type"] = "Action.Execute";
            action["title"] = title;
            action["verb"] = AdminVerb.PreviewButton;
            action["data"] = new JsonObject { ["verb"] = AdminVerb.PreviewButton };
        }

        preview["body"]!.AsArray().Insert(0, new JsonObject
        {
            ["type"] = "Container",
            ["style"] = "attention",
            ["items"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["text"] = AdminTexts.PreviewLabel, ["weight"] = "Bolder", ["wrap"] = true },
                new JsonObject { ["type"] = "TextBlock", ["text"] = AdminTexts.PreviewExplained, ["spacing"] = "None", ["wrap"] = true }),
        });
        return preview;
    }

    private static IEnumerable<JsonObject> Actions(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() is "Action.Execute" or "Action.Submit" => [o],
        JsonObject o => o.SelectMany(p => Actions(p.Value)),
        JsonArray a => a.SelectMany(Actions),
        _ => [],
    };
}
