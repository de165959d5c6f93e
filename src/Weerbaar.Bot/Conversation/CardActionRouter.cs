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
                await turnContext.SendActivityAsync(MessageFactory.Attachment(cards.Help()), cancellationToken);
                return CardActionResult.Done(ConversationTexts.HelpSent);

            case CardVerb.Ask when QuestionIn(data) is string question:
                await questions.RespondAsync(turnContext, question.Trim(), cancellationToken);
                return CardActionResult.Done(ConversationTexts.QuestionReceived);

            case CardVerb.StartSession:
                await turnContext.SendActivityAsync(MessageFactory.Text(ConversationTexts.SessionNotAvailable), cancellationToken);
                return CardActionResult.Done(ConversationTexts.SessionNotAvailable);

            default:
                Log.UnknownCardVerb(logger, verb.Length);
                return CardActionResult.Unknown(ConversationTexts.UnknownCardAction);
        }
    }

    private static string? QuestionIn(JObject? data) =>
        data is not null && data["question"] is JValue { Type: JTokenType.String, Value: string question } ? question : null;
}

/// <summary>What a card action did: <see cref="Confirmation"/> is the sentence shown to the user.</summary>
public sealed record CardActionResult(bool Handled, string Confirmation)
{
    public static CardActionResult Done(string confirmation) => new(true, confirmation);

    public static CardActionResult Unknown(string explanation) => new(false, explanation);
}
