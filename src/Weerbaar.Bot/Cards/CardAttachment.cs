using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Weerbaar.Bot.Cards;

/// <summary>A rendered card as a Bot Framework attachment.</summary>
public static class CardAttachment
{
    /// <summary>The attachment content type of an Adaptive Card.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    // Bot Framework serializes attachments with Newtonsoft, so the System.Text.Json card crosses over as text.
    public static Attachment From(JsonNode card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new()
        {
            ContentType = AdaptiveCardContentType,
            Content = JObject.Parse(card.ToJsonString()),
        };
    }
}
