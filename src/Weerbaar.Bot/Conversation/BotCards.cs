using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Weerbaar.Bot.Cards;

namespace Weerbaar.Bot.Conversation;

/// <summary>The turn's own cards, welcome and help: the data for each template, rendered into an Adaptive Card attachment.</summary>
public sealed class BotCards(CardTemplates templates)
{
    /// <summary>Example questions on the welcome card; each is a button that asks it.</summary>
    public static IReadOnlyList<string> ExampleQuestions { get; } =
    [
        "Wat moet er in een noodpakket?",
        "Wanneer gaan mijn bevoegdheden over naar de voorzitter van de veiligheidsregio?",
        "Waar vind ik de video van de CDS?",
    ];

    public Attachment Welcome(bool isGroup) => CardAttachment.From(templates.Render(CardName.Welcome, WelcomeData(isGroup, ExampleQuestions)));

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

    /// <summary>The help card for <paramref name="place"/>: that place's buttons first, every typed command behind "Alle opdrachten".</summary>
    public Attachment Help(HelpPlace place) => CardAttachment.From(templates.Render(CardName.Help, HelpData(place)));

    public IMessageActivity HelpMessage(HelpPlace place) => WithSummary(Help(place), ConversationTexts.HelpSummary);

    public static JsonObject HelpData(HelpPlace place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return new JsonObject
        {
            ["isGroup"] = place.IsGroup,
            ["hasSession"] = place.OpenSessionId is not null,
            ["sessionId"] = place.OpenSessionId?.ToString() ?? string.Empty,
            ["question"] = ExampleQuestions[0],
            ["questionLabel"] = CardText.Literal(ExampleQuestions[0]),
        };
    }

    private static IMessageActivity WithSummary(Attachment card, string summary)
    {
        var message = MessageFactory.Attachment(card);
        message.Summary = summary;
        return message;
    }
}
