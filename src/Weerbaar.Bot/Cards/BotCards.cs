using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Weerbaar.Bot.Conversation;
using Newtonsoft.Json.Linq;

namespace Weerbaar.Bot.Cards;

/// <summary>Builds the bot's cards: the data for each template, rendered into an Adaptive Card attachment.</summary>
public sealed class BotCards(CardTemplates templates)
{
    /// <summary>Example questions on the welcome card; each is a button that asks it.</summary>
    public static IReadOnlyList<string> ExampleQuestions { get; } =
    [
        "Wat moet er in een noodpakket?",
        "Wanneer gaan mijn bevoegdheden over naar de voorzitter van de veiligheidsregio?",
        "Waar vind ik de video van de CDS?",
    ];

    public Attachment Welcome(bool isGroup) => ToAttachment(templates.Render(CardName.Welcome, WelcomeData(isGroup, ExampleQuestions)));

    /// <summary>The welcome card as a message; the summary is what Teams shows in the chat list and notifications.</summary>
    public IMessageActivity WelcomeMessage(bool isGroup) => WithSummary(Welcome(isGroup), ConversationTexts.WelcomeSummary);

    /// <summary>
    /// The welcome template's data: each question raw for the button's payload, and Markdown-escaped for display.
    /// </summary>
    public static JsonObject WelcomeData(bool isGroup, IEnumerable<string> questions) => new()
    {
        ["isGroup"] = isGroup,
        ["examples"] = new JsonArray(questions
            .Select(question => (JsonNode)new JsonObject
            {
                ["question"] = question,
                ["label"] = CardText.Literal(question),
            })
            .ToArray()),
    };

    public Attachment Help() => ToAttachment(templates.Render(CardName.Help, new JsonObject()));

    public IMessageActivity HelpMessage() => WithSummary(Help(), ConversationTexts.HelpSummary);

    private static IMessageActivity WithSummary(Attachment card, string summary)
    {
        var message = MessageFactory.Attachment(card);
        message.Summary = summary;
        return message;
    }

    // Bot Framework serializes attachments with Newtonsoft, so the System.Text.Json card crosses over as text.
    internal static Attachment ToAttachment(JsonNode card) => new()
    {
        ContentType = AdaptiveCardContentType,
        Content = JObject.Parse(card.ToJsonString()),
    };

    /// <summary>The attachment content type of an Adaptive Card.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
}
