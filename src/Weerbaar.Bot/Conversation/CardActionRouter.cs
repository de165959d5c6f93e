using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Cards;

namespace Weerbaar.Bot.Conversation;

/// <summary>
/// Carries out a card button (<c>Action.Execute</c> verb and its data) and returns the short confirmation shown
/// beside the card. Verbs it does not know — a stale card from an older version, or a forged invoke — get a
/// friendly Dutch sentence, never an error.
/// </summary>
public sealed class CardActionRouter(BotCards cards, QuestionResponder questions, ILogger<CardActionRouter> logger)
{
    public async Task<CardActionResult> HandleAsync(ITurnContext turnContext, string verb, JObject? data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        switch (verb)
        {
            case CardVerb.Help:
                await turnContext.SendActivityAsync(cards.HelpMessage(), cancellationToken);
                return CardActionResult.Replied(ConversationTexts.HelpSent);

            case CardVerb.Ask when QuestionIn(data) is string question:
                // A button press shows nothing in the chat, so the answer repeats the question it answers.
                await questions.RespondAsync(turnContext, question.Trim(), echoQuestion: true, cancellationToken);
                return CardActionResult.Replied(ConversationTexts.QuestionReceived);

            case CardVerb.StartSession:
                return CardActionResult.Answer(ConversationTexts.SessionNotAvailable);

            default:
                Log.UnknownCardVerb(logger, verb.Length);
                return CardActionResult.Answer(ConversationTexts.UnknownCardAction);
        }
    }

    private static string? QuestionIn(JObject? data) =>
        data is not null && data["question"] is JValue { Type: JTokenType.String, Value: string question } ? question : null;
}

/// <summary>
/// What a card action did. <see cref="Confirmation"/> is the sentence shown beside the card. When the action posted
/// nothing in the chat (<see cref="PostedReply"/> is false), that sentence is the whole answer, so a client that
/// cannot show it beside the card (Action.Submit) gets it as a message instead.
/// </summary>
public sealed record CardActionResult(bool PostedReply, string Confirmation)
{
    public static CardActionResult Replied(string confirmation) => new(true, confirmation);

    public static CardActionResult Answer(string text) => new(false, text);
}
