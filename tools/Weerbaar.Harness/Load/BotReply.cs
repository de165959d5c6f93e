using System.Text.Json;
using System.Text.Json.Nodes;
using Weerbaar.Bot.Cards;

namespace Weerbaar.Harness.Load;

/// <summary>One message the bot sent into a conversation, as far as the load needs it: its text and its Adaptive Cards.</summary>
public sealed record BotReply(string? Text, IReadOnlyList<JsonObject> Cards)
{
    /// <summary>The reply in <paramref name="activity"/>; null for what is not a message (a typing indicator).</summary>
    public static BotReply? From(JsonObject? activity)
    {
        if (activity is null || (StringAt(activity, "type") is { } type && type != "message"))
        {
            return null;
        }

        var cards = activity["attachments"] is JsonArray attachments
            ? attachments.OfType<JsonObject>().Where(a => StringAt(a, "contentType") == CardAttachment.AdaptiveCardContentType).Select(a => a["content"]).OfType<JsonObject>().ToList()
            : [];
        return new BotReply(StringAt(activity, "text"), cards);
    }

    /// <summary>
    /// Whether this answers <paramref name="question"/>: an Adaptive Card (Weerbaar answers with one, also when it
    /// does not know) or the question's own text (the echo bot). A plain text from Weerbaar is a limit, repeat or error
    /// notice, which costs far less than an answer and must not be measured as one.
    /// </summary>
    public bool Answers(string question) => Cards.Count > 0 || Text == question;

    /// <summary>The string property <paramref name="name"/> of <paramref name="obj"/>; null when absent or not a string.</summary>
    internal static string? StringAt(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
