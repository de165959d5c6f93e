using Newtonsoft.Json.Linq;

namespace Weerbaar.Bot.Conversation;

/// <summary>Reads what a card button sent (its data merged with the card's inputs), trusting nothing about its shape.</summary>
public static class CardData
{
    /// <summary>The text value <paramref name="name"/>, or null when it is missing or not text.</summary>
    public static string? Text(JObject? data, string name) =>
        data is not null && data[name] is JValue { Type: JTokenType.String, Value: string value } ? value : null;
}
