using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Weerbaar.Bot.Conversation;

/// <summary>
/// Carries out a card button (<c>Action.Execute</c> verb and its data) and returns what is shown on or beside the
/// card: help here, everything else by the feature that takes the button (<see cref="ICardActionHandler"/>). Verbs
/// nobody takes, and data that does not fit — a stale card from an older version, or a forged invoke — get a friendly
/// Dutch sentence, never an error.
/// </summary>
public sealed class CardActionRouter(
    HelpSender help,
    IEnumerable<ICardActionHandler> features,
    ILogger<CardActionRouter> logger)
{
    private readonly ICardActionHandler[] _features = [.. features];

    public async Task<CardActionResult> HandleAsync(ITurnContext turnContext, string verb, JObject? data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (verb == CardVerb.Help)
        {
            await help.SendAsync(turnContext, cancellationToken);
            return CardActionResult.Replied(ConversationTexts.HelpSent);
        }

        if (_features.FirstOrDefault(feature => feature.CanHandle(verb, data)) is ICardActionHandler handler)
        {
            return await handler.HandleAsync(turnContext, verb, data, cancellationToken);
        }

        Log.UnknownCardVerb(logger, verb.Length);
        return CardActionResult.Answer(ConversationTexts.UnknownCardAction);
    }
}

/// <summary>
/// What a card action did. <see cref="Confirmation"/> is the sentence shown beside the card; <see cref="Card"/>, when
/// set, replaces the card that was pressed. When the action posted nothing in the chat (<see cref="PostedReply"/> is
/// false), the sentence is the whole answer, so a client that cannot show it beside the card (Action.Submit) gets it
/// as a message instead.
/// </summary>
public sealed record CardActionResult(bool PostedReply, string Confirmation, Attachment? Card = null)
{
    public static CardActionResult Replied(string confirmation) => new(true, confirmation);

    public static CardActionResult Answer(string text) => new(false, text);

    public static CardActionResult WithCard(Attachment card, string confirmation) => new(true, confirmation, card);
}
