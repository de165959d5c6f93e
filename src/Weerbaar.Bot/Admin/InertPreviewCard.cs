using System.Text.Json.Nodes;

namespace Weerbaar.Bot.Admin;

/// <summary>
/// Turns an answer card into the admin's preview of it: labelled VOORBEELD at the top, and every button that would
/// act (👍/👎, read more, next questions, start a session) only answers that it is a preview. A preview must not look
/// like a real answer, nor count a vote or post an article. Links to sources stay: they change nothing.
/// </summary>
public static class InertPreviewCard
{
    /// <param name="inDialog">
    /// In the chat a button becomes an Action.Execute the admin feature answers; in the article dialog an Action.Submit
    /// back to that dialog, which keeps what the admin typed in the form below it.
    /// </param>
    public static JsonNode Of(JsonNode card, bool inDialog)
    {
        ArgumentNullException.ThrowIfNull(card);
        var preview = card.DeepClone();
        foreach (var action in Actions(preview).ToList())
        {
            var title = action["title"]?.DeepClone();
            action.Clear();
            action["title"] = title;
            if (inDialog)
            {
                action["type"] = "Action.Submit";
                action["data"] = new JsonObject { ["dialog"] = ArticleDialog.Name, ["move"] = ArticleDialog.PreviewButtonMove };
            }
            else
            {
                action["type"] = "Action.Execute";
                action["verb"] = AdminVerb.PreviewButton;
                action["data"] = new JsonObject { ["verb"] = AdminVerb.PreviewButton };
            }
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
